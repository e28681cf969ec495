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
                new String[]{"ar", "ما أصل والديك؟"},
                // the everyday words a second probe's form used, all published
                new String[]{"nl", "Wat is uw migratieachtergrond?"},
                new String[]{"nl", "Heb je een migratieachtergrond?"},
                new String[]{"nl", "Wat is je culturele achtergrond?"},
                new String[]{"nl", "Bent u van Turkse of Marokkaanse afkomst?"},
                new String[]{"nl", "Waar bent u geboren?"},
                new String[]{"nl", "Welk paspoort heeft u?"},
                new String[]{"en", "Do you have a migration background?"},
                new String[]{"en", "Where were you born?"},
                new String[]{"pl", "Gdzie się Pan urodził?"},
                new String[]{"tr", "Nerede doğdunuz?"},
                new String[]{"ar", "أين ولدت؟"},
                // and the third probe's, also published
                new String[]{"nl", "Bent u in Nederland geboren?"},
                new String[]{"nl", "Waar zijn uw ouders geboren?"},
                new String[]{"nl", "Tot welke bevolkingsgroep of cultuur rekent u zich (bijvoorbeeld Marokkaans, Turks, Surinaams)?"});
        for (String[] q : asked) {
            assertTrue(AsksOrigin.in(q[0], q[1]).isPresent(), q[0] + ": " + q[1]);
        }
    }

    /**
     * The same question as a word processor or a prankster codes it: a no-break space and a soft hyphen (pasted from
     * Word), a zero-width space, a line break, a Cyrillic "е" and "о", full-width letters, a Persian yeh. Each of the
     * first four passed an upload, and an answer "Marokko" was kept.
     */
    @Test
    void theWordsAsAReaderSeesThemNotAsTheyAreCoded() {
        List<String[]> asked = List.of(
                new String[]{"nl", "In welk\u00a0land bent u geboren?"},
                new String[]{"nl", "In welk land bent u gebo\u00adren?"},
                new String[]{"nl", "In welk land bent u gebo\u200bren?"},
                new String[]{"nl", "In welk\n  land bent u geboren?"},
                new String[]{"nl", "In w\u0435lk land bent u geboren?"},
                new String[]{"nl", "Wat is uw nati\u043enaliteit?"},
                new String[]{"en", "What is your \uff45thnicity?"},
                new String[]{"ar", "ما هي جنس\u06ccتك؟"});
        for (String[] q : asked) {
            assertTrue(AsksOrigin.in(q[0], q[1]).isPresent(), q[0] + ": " + q[1]);
        }
        // a note's sentences that tell are not read, its questions are
        assertEquals(Optional.empty(), AsksOrigin.inQuestionsOf("pl", "Nie pytamy o to, skąd Państwo pochodzą. Co działa dobrze?"));
        assertTrue(AsksOrigin.inQuestionsOf("nl", "Welkom. In welk land bent u geboren? Schrijf het hieronder.").isPresent());
        // a text written in another alphabet keeps its letters: a Russian "Где вы родились?" is not read as Latin
        assertEquals("где вы родились?", AsksOrigin.plain("Где вы родились?"));
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
                new String[]{"ar", "من أين يحصل الوالدان على المعلومات؟"},
                new String[]{"tr", "Bunun için kimsenin kökenini kaydetmeniz gerekmez."},
                new String[]{"nl", "Hoe vaak spreekt u gezinnen met een migratieachtergrond?"},
                new String[]{"en", "When did you last talk with a family with a migration background?"});
        for (String[] q : asked) {
            assertEquals(Optional.empty(), AsksOrigin.in(q[0], q[1]), q[0] + ": " + q[1]);
        }
    }

    /**
     * No text of a bundled flow's steps, in any of their languages, reads as asking origin: not a question, an
     * option, a note or a refusal (each is checked, as an uploaded form's group title asked it).
     */
    @Test
    void noBundledTextAsksOrigin() {
        var library = FlowWalk.library();
        int read = 0;
        for (var flow : library.flows()) {
            for (String language : flow.languages()) {
                for (var text : library.translations().texts(language).orElseThrow().flow(flow.id()).entrySet()) {
                    if (!text.getKey().startsWith("steps.")) {
                        continue; // the title and the tips talk about the research's subject and ask nothing
                    }
                    String stepId = text.getKey().split("\\.")[1];
                    boolean tells = text.getKey().endsWith(stepId + ".text") && !flow.step(stepId).orElseThrow().asksSomething();
                    assertEquals(Optional.empty(), tells ? AsksOrigin.inQuestionsOf(language, text.getValue().text())
                                    : AsksOrigin.in(language, text.getValue().text()),
                            flow.id() + " " + language + " " + text.getKey());
                    read++;
                }
            }
        }
        assertTrue(read > 800, "every text in every language: " + read);
    }
}
