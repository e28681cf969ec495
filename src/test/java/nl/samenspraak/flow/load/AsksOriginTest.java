package nl.samenspraak.flow.load;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Questions about origin, as a municipality's spreadsheets ask them, in each language; and none of the bundled ones. */
class AsksOriginTest {

    @Test
    void countryOfBirthEthnicityAndNationalityAreOriginInEveryLanguage() {
        List<String[]> asked = List.of(
                new String[]{"nl", "In welk land bent u geboren?"},
                new String[]{"nl", "In welk land is uw moeder geboren?"},
                new String[]{"nl", "Wat is uw etnische achtergrond?"},
                new String[]{"nl", "Wat is je nationaliteit?"},
                new String[]{"en", "What is your country of birth?"},
                new String[]{"en", "Which country were you born in?"},
                new String[]{"pl", "Jaka jest Pana/Pani narodowość?"},
                new String[]{"pl", "W jakim kraju się Pan/Pani urodził(a)?"},
                new String[]{"tr", "Hangi ülkede doğdunuz?"},
                new String[]{"tr", "Etnik kökeniniz nedir?"},
                new String[]{"ar", "في أي بلد ولدت؟"},
                new String[]{"ar", "ما هي جنسيتك؟"},
                // worded around the first list: a form with these was published, and an answer "Marokkaans-Berbers" kept
                new String[]{"nl", "Waar komen je ouders vandaan?"},
                new String[]{"nl", "Wat is de afkomst van je ouders?"},
                new String[]{"nl", "Uit welk land komt uw familie?"},
                new String[]{"nl", "Waar komt u oorspronkelijk vandaan?"},
                new String[]{"en", "What is the ethnic group of your parents?"},
                new String[]{"en", "Where are your parents from?"},
                new String[]{"en", "Where do you come from?"},
                new String[]{"pl", "Skąd pochodzą Pana/Pani rodzice?"},
                new String[]{"pl", "Do jakiej grupy etnicznej należysz?"},
                new String[]{"tr", "Nerelisiniz?"},
                new String[]{"tr", "Anne babanız nereli?"},
                new String[]{"ar", "من أين أنت؟"},
                new String[]{"ar", "ما أصل والديك؟"});
        for (String[] q : asked) {
            assertTrue(AsksOrigin.in(q[0], q[1]).isPresent(), q[0] + ": " + q[1]);
        }
    }

    @Test
    void howLongSomeoneLivesHereAndTheLanguagesAtHomeAreNotOrigin() {
        List<String[]> asked = List.of(
                new String[]{"nl", "Hoe lang woont u al in Nederland?"},
                new String[]{"nl", "Welke talen spreekt u thuis?"},
                new String[]{"en", "I was born in the Netherlands"},
                new String[]{"pl", "Kiedy poznaję rodzinę o innym pochodzeniu niż moje, ciekawi mnie, jak ta rodzina widzi swoją sytuację."},
                new String[]{"ar", "يعرف طفلي من هو ويفخر بأصله"},
                new String[]{"nl", "Waar haalt u informatie over opvoeden vandaan?"},
                new String[]{"nl", "Hoe vaak komen ouders bij u met vragen?"},
                new String[]{"en", "Where do parents get information from?"},
                new String[]{"ar", "من أين يحصل الوالدان على المعلومات؟"});
        for (String[] q : asked) {
            assertEquals(Optional.empty(), AsksOrigin.in(q[0], q[1]), q[0] + ": " + q[1]);
        }
    }

    /** No question of the bundled flows, in any of their languages, reads as asking origin. */
    @Test
    void noBundledQuestionAsksOrigin() {
        var library = FlowWalk.library();
        int read = 0;
        for (var flow : library.flows()) {
            for (String language : flow.languages()) {
                for (var step : flow.steps()) {
                    if (step.asksSomething()) {
                        String text = library.translations().flowText(language, flow.id(), "steps." + step.id() + ".text");
                        assertEquals(Optional.empty(), AsksOrigin.in(language, text), flow.id() + " " + language + " " + step.id());
                        read++;
                    }
                }
            }
        }
        assertTrue(read > 200, "every question in every language: " + read);
    }
}
