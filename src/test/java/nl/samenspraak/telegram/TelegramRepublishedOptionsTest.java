package nl.samenspraak.telegram;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A questionnaire published again with a question's options in another order, between the bot sending that question
 * and the person tapping one of its buttons. A button named its option by its place ("the first"), so the tap stored
 * the option now first: "Vrijwilliger" for a tap on "Professional in een wijkteam", a person who ticked "Nederlands"
 * counted as speaking "Een andere taal". Now the tap is refused as an answer to a question that changed: nothing
 * stored, said so, and the question again with its new buttons, whose tap is then taken. Its own database: what it
 * publishes would be served to every other test of the suite.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:telegram-republished;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TelegramRepublishedOptionsTest extends TelegramFixture {
    private static final String CHANGED = "Deze vraag is intussen veranderd";
    /** A label longer than a button shows: its question's options are listed numbered, with numbers on the buttons. */
    private static final String LONG_ROLE = "Professional in een wijkteam van de gemeente";

    @Inject
    Questionnaires questionnaires;

    private Instant publishedAt = Instant.now().minusSeconds(600);

    TelegramRepublishedOptionsTest() {
        super("737373:republished-options-token");
    }

    @Test
    void aTapOnAnOptionThatANewVersionPutElsewhereStoresNoOtherOption() throws Exception {
        publish("volgorde-een", 1, false);
        TelegramUser user = user("nl");
        user.say("/start volgorde-een");
        user.tap("n");
        FakeBotApi.Sent question = user.lastWithButtons();
        assertEquals("Professional in een wijkteam", question.buttonTexts().get(0), question.toString());

        publish("volgorde-een", 2, true); // the same choice, its options the other way round
        user.tap(question, "a:0"); // "Professional in een wijkteam", as the person saw it
        String id = conversationOf(user);
        assertFalse(stored(id).containsKey("rol"), "nothing stored for a tap the service cannot read: " + stored(id));
        FakeBotApi.Sent again = user.lastWithButtons();
        assertTrue(again.text.contains(CHANGED), "said so: " + again);
        assertEquals("Vrijwilliger", again.buttonTexts().get(0), "asked again with its buttons as listed now: " + again);

        user.tap(again, "a:2"); // "Professional in een wijkteam", where it is now
        assertEquals("\"professional\"", stored(id).get("rol"), "the option tapped is the one stored");
    }

    @Test
    void ticksOnOptionsThatANewVersionPutElsewhereAreNotSentAsOthers() throws Exception {
        publish("volgorde-meer", 1, false);
        TelegramUser user = user("nl");
        user.say("/start volgorde-meer");
        user.tap("n");
        user.tap("a:0");
        user.say("5");
        FakeBotApi.Sent talen = user.lastWithButtons();
        assertEquals("talen", chat(user).liveStep(), talen.toString());
        user.tap(talen, "t:0"); // ticks "Nederlands"

        publish("volgorde-meer", 2, true); // its languages the other way round: "Een andere taal" first
        user.tap(talen, "k");
        String id = conversationOf(user);
        assertFalse(stored(id).containsKey("talen"), "the tick on the first place is not sent as 'anders': " + stored(id));
        FakeBotApi.Sent again = user.lastWithButtons();
        assertTrue(again.text.contains(CHANGED), "said so: " + again);
        assertTrue(again.buttonTexts().stream().noneMatch(t -> t.startsWith("\u2611")), "no option ticked: " + again);

        user.tap(again, "t:5"); // "Nederlands", where it is now
        user.tap(user.lastWithButtons(), "k");
        assertEquals("[\"nederlands\"]", stored(id).get("talen"));
    }

    @Test
    void aNumberTypedAtNumberedButtonsThatANewVersionPutElsewhereStoresNoOtherOption() throws Exception {
        publish("volgorde-getypt", 1, false, true);
        TelegramUser user = user("nl");
        user.say("/start volgorde-getypt");
        user.tap("n");
        FakeBotApi.Sent question = user.lastWithButtons();
        assertEquals(List.of("1", "2", "3"), question.buttonTexts(), "the options listed numbered: " + question);
        assertTrue(question.text.contains("1. " + LONG_ROLE), question.text);

        publish("volgorde-getypt", 2, true, true); // the same choice, its options the other way round
        user.say("1"); // "Professional in een wijkteam ...", the first as the person saw it
        String id = conversationOf(user);
        assertFalse(stored(id).containsKey("rol"), "the first option listed now is not stored for it: " + stored(id));
        FakeBotApi.Sent again = user.lastWithButtons();
        assertTrue(again.text.contains(CHANGED), "said so: " + again);
        assertTrue(again.text.contains("1. Vrijwilliger") && again.text.contains("3. " + LONG_ROLE),
                "asked again with its options as listed now: " + again);

        user.say("3"); // "Professional in een wijkteam ...", where it is now
        assertEquals("\"professional\"", stored(id).get("rol"), "the option typed is the one stored");
    }

    @Test
    void aNumberTypedAtNumberedButtonsEditedAfterANewVersionPutTheOptionsElsewhereChangesNothing() throws Exception {
        publish("volgorde-bewerkt", 1, false, true);
        TelegramUser user = user("nl");
        user.say("/start volgorde-bewerkt");
        user.tap("n");
        int typed = user.say("3"); // "Vrijwilliger", the third as listed
        String id = conversationOf(user);
        assertEquals("\"vrijwilliger\"", stored(id).get("rol"));
        assertEquals("ervaring_jaren", step(user));

        publish("volgorde-bewerkt", 2, true, true); // the roles the other way round: "Vrijwilliger" first
        user.edit(typed, "1"); // "Professional in een wijkteam ...", the first as the person saw the list
        assertEquals("\"vrijwilliger\"", stored(id).get("rol"), "the first option listed now is not taken for it");
        String said = user.last().text;
        assertTrue(said.contains(say("nl", "edit_refused")), "said that the edit is not kept: " + said);
        assertFalse(said.contains(say("nl", "answer_edited", Map.of("answer", "Vrijwilliger"))), said);
        assertEquals("ervaring_jaren", step(user), "asked on where the person was");
    }

    private void publish(String id, int version, boolean reversed) throws Exception {
        publish(id, version, reversed, false);
    }

    /**
     * The example flow as {@code id}, published as its {@code version}th upload; {@code reversed}: its role's and
     * languages' options the other way round; {@code numbered}: the first role's label too long for a button
     * ({@link #LONG_ROLE}), so the roles are listed numbered.
     */
    private void publish(String id, int version, boolean reversed, boolean numbered) throws Exception {
        publishedAt = publishedAt.plusSeconds(60);
        try (Connection c = connection()) {
            String upload = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((id + " " + version).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            PublishedRows.publish(c, id, upload, publishedAt, flow -> !reversed ? flow : flow
                    .replace("options: [professional, intermediair, vrijwilliger]", "options: [vrijwilliger, intermediair, professional]")
                    .replace("options: [nederlands, turks, arabisch, pools, engels, anders]",
                            "options: [anders, engels, pools, arabisch, turks, nederlands]"),
                    words -> !numbered ? words : words.replace("professional: Professional in een wijkteam", "professional: " + LONG_ROLE));
        }
        questionnaires.refresh();
        assertEquals(reversed ? "vrijwilliger" : "professional",
                library.flow(id).orElseThrow().requireStep("rol").options().get(0).value(), "served");
    }
}
