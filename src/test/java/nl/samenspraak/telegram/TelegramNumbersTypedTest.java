package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers typed as people type them (the Telegram probe of December 2026): at a question whose long options are listed
 * numbered, with only the numbers on its buttons, "2" was refused ("choose one of the answers below") where the person
 * meant the button 2; and "5,5" typed in Dutch came back as "Jouw antwoord: 5.5".
 */
@MicronautTest(transactional = false)
class TelegramNumbersTypedTest extends TelegramFixture {

    TelegramNumbersTypedTest() {
        super("787878:numbers-typed-test-token");
    }

    private String label(String language, String flow, String step, String option) {
        return library.translations().flowText(language, flow, "steps." + step + ".options." + option);
    }

    @Test
    void aNumberTypedAtNumberedButtonsIsThatOption() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", "houding_vooroordelen");
        assertEquals(List.of("1", "2", "3", "4"), user.lastWithButtons().buttonTexts(), "the options (and Weet ik niet) listed numbered");
        user.say("2");
        String conversation = conversationOf(user);
        assertEquals("\"soms\"", stored(conversation).get("houding_vooroordelen"), "the second option, as its button gives it");
        assertTrue(user.last().text.contains(say("nl", "chosen", Map.of("answer", label("nl", "werk-jij-diversiteitsproof",
                "houding_vooroordelen", "soms")))), "echoed by its label: " + user.last().text);
        assertEquals("kennis_opvoeden", step(user));
    }

    @Test
    void numbersTypedAtANumberedListQuestionAreThoseOptionsAndAnEditChangesThem() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", "werkwijze_achtergrond");
        int typed = user.say("1 en 3");
        String conversation = conversationOf(user);
        assertEquals("[\"streek\",\"vlucht\"]", stored(conversation).get("werkwijze_achtergrond"));
        String f = "werk-jij-diversiteitsproof";
        String s = "werkwijze_achtergrond";
        assertTrue(user.last().text.contains(label("nl", f, s, "streek")) && user.last().text.contains(label("nl", f, s, "vlucht")),
                "echoed by their labels: " + user.last().text);

        user.edit(typed, "2");
        assertEquals("[\"jaren\"]", stored(conversation).get("werkwijze_achtergrond"), "the edit names the second option");
        assertTrue(user.last().text.contains(label("nl", f, s, "jaren")), "echoed: " + user.last().text);
        assertEquals("vaardig_taalniveau", step(user));
    }

    /**
     * A number typed as a word, as in a message written in words or a phone's keyboard completing one: at numbered
     * buttons "twee" is the button 2, "1 en drie" the buttons 1 and 3, in the conversation's language ("iki" in
     * Turkish); at a scale "vier" is the point 4, and at a number question "drie" is 3. All were refused.
     */
    @Test
    void aNumberTypedAsAWordIsThatButtonOrPoint() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", "houding_vooroordelen");
        user.say("twee");
        String conversation = conversationOf(user);
        assertEquals("\"soms\"", stored(conversation).get("houding_vooroordelen"), "the second option, as the button 2 gives it");
        TelegramUser list = user("nl");
        walkTo(list, "werk-jij-diversiteitsproof", "werkwijze_achtergrond");
        list.say("1 en drie");
        assertEquals("[\"streek\",\"vlucht\"]", stored(conversationOf(list)).get("werkwijze_achtergrond"));

        TelegramUser turkish = user("tr");
        walkTo(turkish, "werk-jij-diversiteitsproof", "houding_vooroordelen");
        turkish.say("iki");
        assertEquals("\"soms\"", stored(conversationOf(turkish)).get("houding_vooroordelen"), "Turkish: iki is 2");

        TelegramUser scale = user("nl");
        walkTo(scale, "werk-jij-diversiteitsproof", "houding_nieuwsgierig");
        scale.say("vier");
        assertEquals("4", stored(conversationOf(scale)).get("houding_nieuwsgierig"), "a point of the scale");

        TelegramUser number = user("nl");
        walkTo(number, "voorbeeld", "ervaring_jaren");
        number.say("drie");
        assertEquals("3", stored(conversationOf(number)).get("ervaring_jaren"), "a number question");
    }

    @Test
    void digitsThatNameNoButtonOrButtonsWithLabelsAreReadAsBefore() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", "houding_vooroordelen");
        user.say("7");
        assertEquals("houding_vooroordelen", step(user), "no seventh option: refused");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words().shared("nl", "error.choice", Map.of()))),
                user.last().text);

        // where the buttons carry the labels (the role question in Dutch), "2" names nothing: the conversation refuses it
        TelegramUser other = user("nl");
        other.say("/start voorbeeld");
        other.tap("n");
        assertFalse(other.lastWithButtons().buttonTexts().contains("2"), other.lastWithButtons().buttonTexts().toString());
        other.say("2");
        assertEquals("rol", step(other));
    }

    @Test
    void aNumberIsRepeatedAsTheLanguageWritesItAndStoredAsANumber() {
        TelegramUser dutch = user("nl");
        walkTo(dutch, "voorbeeld", "ervaring_jaren");
        dutch.say("5,5");
        assertEquals("5.5", stored(conversationOf(dutch)).get("ervaring_jaren"), "stored as a number");
        assertTrue(dutch.last().text.contains(say("nl", "chosen", Map.of("answer", "5,5"))), dutch.last().text);
        dutch.say("/terug");
        assertTrue(dutch.last().text.contains(say("nl", "previous", Map.of("answer", "5,5"))),
                "the earlier answer as it was written: " + dutch.last().text);

        TelegramUser english = user("en");
        english.say("/start voorbeeld");
        english.tap("n");
        english.say("2"); // the role question in English lists its options numbered
        assertEquals("\"intermediair\"", stored(conversationOf(english)).get("rol"));
        english.say("5.5");
        assertEquals("5.5", stored(conversationOf(english)).get("ervaring_jaren"));
        assertTrue(english.last().text.contains(say("en", "chosen", Map.of("answer", "5.5"))), english.last().text);
    }
}
