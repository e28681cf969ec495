package nl.samenspraak.result;

import nl.samenspraak.engine.Status;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden interviews for the cultural interview: where it branches, the summary by theme a professional
 * gets, the attention points, and that there is no score.
 */
class CultureelInterviewGoldenTest {

    /** A mother who fled, needs an interpreter and has practical worries; texts in {@code language}. */
    private static Map<String, Object> fled() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("welkom", null);
        a.put("toestemming", "ja");
        a.put("talen", List.of("turks", "nederlands"));
        a.put("tolk_nodig", "ja");
        a.put("tolk_taal", "Turks");
        a.put("leefwereld", "Ik woon met mijn man en drie kinderen.");
        a.put("in_nederland_sinds", "een_tot_vijf_jaar");
        a.put("dorp_of_stad", "dorp");
        a.put("reden_migratie", "gevlucht");
        a.put("vluchtgeschiedenis", "Liever niet nu.");
        a.put("familie", "Mijn moeder woont daar nog, mijn broer in Rotterdam.");
        a.put("praktische_zorgen", List.of("formulieren", "schulden"));
        a.put("probleem", "Mijn zoon gaat vaak niet naar school.");
        a.put("probleem_oorzaak", "Hij heeft verkeerde vrienden.");
        a.put("al_geprobeerd", "Ik heb met de leraar gepraat.");
        a.put("opvoeding", "Respect voor ouders en een goede opleiding.");
        a.put("wie_beslist", List.of("ikzelf", "ouders"));
        a.put("steun_eigen_kring", null);
        a.put("sterke_kanten", List.of("band", "school"));
        a.put("geloof_cultuur", "ja");
        a.put("geloof_toelichting", "Ik wil graag een vrouwelijke hulpverlener.");
        a.put("eerdere_hulp", "nee");
        a.put("verwachtingen", "Dat mijn zoon weer naar school gaat.");
        a.put("zorgen", List.of("kinderen_afgepakt", "schaamte"));
        a.put("vertrouwde_plekken", List.of("huisarts", "gebedshuis"));
        a.put("sleutelpersoon", "ja");
        a.put("sleutelpersoon_wie", "Mijn buurvrouw");
        a.put("nog_iets", null);
        return a;
    }

    /** A father born here who needs no interpreter, had help before and has no one to turn to. */
    private static Map<String, Object> bornHereAlone() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("welkom", null);
        a.put("toestemming", "ja");
        a.put("talen", List.of("nederlands"));
        a.put("tolk_nodig", "nee");
        a.put("leefwereld", null);
        a.put("in_nederland_sinds", "hier_geboren");
        a.put("familie", null);
        a.put("praktische_zorgen", List.of("geen"));
        a.put("probleem", "Mijn dochter is vaak boos.");
        a.put("probleem_oorzaak", null);
        a.put("al_geprobeerd", null);
        a.put("opvoeding", null);
        a.put("wie_beslist", List.of("ikzelf", "partner"));
        a.put("steun_eigen_kring", null);
        a.put("sterke_kanten", null);
        a.put("geloof_cultuur", "nee");
        a.put("eerdere_hulp", "ja");
        a.put("eerdere_ervaring", "Ze luisterden niet echt.");
        a.put("verwachtingen", null);
        a.put("zorgen", List.of("geen"));
        a.put("vertrouwde_plekken", List.of("niemand"));
        a.put("sleutelpersoon", "nee");
        a.put("nog_iets", null);
        return a;
    }

    /**
     * Consent, then every question skipped: the way the flow goes without answers (a skipped "in Nederland sinds"
     * asks nothing about life before the Netherlands).
     */
    private static Map<String, Object> allSkipped() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("welkom", null);
        a.put("toestemming", "ja");
        for (String step : List.of("talen", "tolk_nodig", "leefwereld", "in_nederland_sinds",
                "familie", "praktische_zorgen", "probleem", "probleem_oorzaak", "al_geprobeerd", "opvoeding", "wie_beslist",
                "steun_eigen_kring", "sterke_kanten", "geloof_cultuur", "eerdere_hulp", "verwachtingen", "zorgen", "vertrouwde_plekken",
                "sleutelpersoon", "nog_iets")) {
            a.put(step, null);
        }
        return a;
    }

    /**
     * Answers exactly these steps in this order, with a professional in the talk (the interview's usual way):
     * a step asked that the script does not expect fails the test.
     */
    private static FlowWalk walk(Map<String, Object> answers, String language) {
        FlowWalk walk = FlowWalk.assisted("cultureel-interview", language);
        answers.forEach(walk::answer);
        return walk;
    }

    /** The same, the parent alone (the public page, or a resident link). */
    private static FlowWalk alone(Map<String, Object> answers, String language) {
        FlowWalk walk = FlowWalk.start("cultureel-interview", language);
        answers.forEach(walk::answer);
        return walk;
    }

    private static FlowWalk walkUntil(String step, Object answer) {
        FlowWalk walk = FlowWalk.assisted("cultureel-interview", "nl");
        for (Map.Entry<String, Object> e : fled().entrySet()) {
            if (e.getKey().equals(step)) {
                return walk.answer(step, answer);
            }
            walk.answer(e.getKey(), e.getValue());
        }
        throw new AssertionError("no step " + step);
    }

    @Test
    void flightHistoryIsAskedOnlyAfterTheParentSaysTheyFled() {
        assertEquals("vluchtgeschiedenis", walkUntil("reden_migratie", "gevlucht").current());
        assertEquals("familie", walkUntil("reden_migratie", "werk").current());
        assertEquals("familie", walkUntil("reden_migratie", null).current());
        // Born here: neither where they lived before nor why they came.
        assertEquals("familie", walkUntil("in_nederland_sinds", "hier_geboren").current());
        assertEquals("dorp_of_stad", walkUntil("in_nederland_sinds", "korter_dan_een_jaar").current());
        // Not said (skipped): no question that presumes a life before the Netherlands ("Woonde u vóór Nederland...").
        assertEquals("familie", walkUntil("in_nederland_sinds", null).current());
    }

    @Test
    void flightHistoryIsAskedOnlyWithAProfessionalInTheConversation() {
        FlowWalk walk = FlowWalk.start("cultureel-interview", "nl");
        for (Map.Entry<String, Object> e : fled().entrySet()) {
            if (e.getKey().equals("reden_migratie")) {
                walk.answer("reden_migratie", "gevlucht");
                break;
            }
            walk.answer(e.getKey(), e.getValue());
        }
        assertEquals("familie", walk.current(), "a parent alone with a phone is not asked about their flight");
    }

    /** The parent who fled, answering alone: no flight-history question, and so no answer to it. */
    private static Map<String, Object> fledAlone() {
        Map<String, Object> a = fled();
        a.remove("vluchtgeschiedenis");
        return a;
    }

    @Test
    void aParentAloneGetsAWarmClosingInTheirLanguageAndNoProfessionalText() {
        Map<String, String> closing = Map.of(
                "nl", "Dank u wel voor uw antwoorden en voor uw vertrouwen.",
                "tr", "Cevaplarınız ve güveniniz için teşekkür ederiz.");
        closing.forEach((language, words) -> {
            Result alone = alone(fledAlone(), language).result();
            assertEquals(List.of(), alone.tips(), language + ": no attention points for the parent");
            assertEquals(List.of(), alone.summary(), language);
            assertTrue(alone.html().contains(words), language + ": " + alone.html());
            // what the professional reads of the same answers
            Result professional = alone(fledAlone(), language).resultForProfessional();
            assertFalse(professional.tips().isEmpty(), language);
            for (Result.Tip tip : professional.tips()) {
                assertFalse(alone.html().contains(tip.title()), language + " shows the parent '" + tip.title() + "'");
                assertFalse(alone.html().contains(tip.text()), language + " shows the parent the text of " + tip.id());
            }
            String heading = FlowWalk.library().translations().flowMessage(language, "cultureel-interview", "result.heading_tips");
            assertFalse(alone.html().contains(heading), language + ": " + alone.html());
            assertTrue(professional.html().contains(heading), language + ": " + professional.html());
        });
        assertFalse(alone(fledAlone(), "nl").result().html().contains("De ouder"));
    }

    @Test
    void theProfessionalReadsTheAttentionPointsOfAParentWhoAnsweredAlone() {
        for (String language : List.of("nl", "tr")) {
            FlowWalk answeredAlone = alone(fledAlone(), language);
            assertEquals(List.of(), answeredAlone.result().tips());
            Result professional = answeredAlone.resultForProfessional();
            assertEquals(List.of("tolk_regelen", "praktisch_beginnen", "vluchtgeschiedenis_behoedzaam", "tijd_voor_vertrouwen",
                    "schaamte_respecteren", "sleutelpersoon_betrekken", "familie_betrekken", "geloof_meenemen",
                    "sterke_kanten_benutten", "hulp_uitleggen"), professional.tips().stream().map(Result.Tip::id).toList(), language);
            assertFalse(professional.summary().isEmpty(), language);
        }
    }

    @Test
    void theInterpretersLanguageIsAskedOnlyWhenOneIsNeeded() {
        assertEquals("tolk_taal", walkUntil("tolk_nodig", "ja").current());
        assertEquals("leefwereld", walkUntil("tolk_nodig", "nee").current());
        assertEquals("leefwereld", walkUntil("tolk_nodig", null).current());
    }

    @Test
    void aFollowUpComesOnlyAfterAYes() {
        assertEquals("geloof_toelichting", walkUntil("geloof_cultuur", "ja").current());
        assertEquals("eerdere_hulp", walkUntil("geloof_cultuur", "nee").current());
        assertEquals("eerdere_ervaring", walkUntil("eerdere_hulp", "ja").current());
        assertEquals("verwachtingen", walkUntil("eerdere_hulp", "nee").current());
        assertEquals("sleutelpersoon_wie", walkUntil("sleutelpersoon", "ja").current());
        assertEquals("nog_iets", walkUntil("sleutelpersoon", "nee").current());
    }

    @Test
    void declinedConsentEndsTheInterviewWithNothingKept() {
        FlowWalk walk = FlowWalk.start("cultureel-interview", "nl").answer("welkom", null).answer("toestemming", "nee");
        assertEquals(Status.DECLINED, walk.progress().status());
        Result result = walk.result();
        assertEquals(List.of(), result.summary());
        assertEquals(List.of(), result.tips());
        assertTrue(result.html().contains("U heeft geen toestemming gegeven. Er is geen antwoord van u bewaard."), result.html());
    }

    @Test
    void theSummaryGroupsTheAnswersByThemeInTheParentsWords() {
        Result result = walk(fled(), "nl").result();
        Map<String, Map<String, String>> summary = new LinkedHashMap<>();
        for (Result.SummaryTheme theme : result.summary()) {
            Map<String, String> items = new LinkedHashMap<>();
            theme.items().forEach(i -> items.put(i.step(), i.answer()));
            summary.put(theme.theme(), items);
        }
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        expected.put("taal", entries("talen", "Nederlands, Turks", "tolk_nodig", "Ja", "tolk_taal", "Turks"));
        expected.put("gezin", entries("leefwereld", "Ik woon met mijn man en drie kinderen.",
                "opvoeding", "Respect voor ouders en een goede opleiding.",
                "wie_beslist", "Ikzelf, Mijn ouders of schoonouders",
                "steun_eigen_kring", "overgeslagen",
                "sterke_kanten", "Mijn kind heeft een warme band met ons, met vrienden of met mensen in de buurt, Mijn kind gaat graag naar school"));
        expected.put("migratie", entries("in_nederland_sinds", "Een tot vijf jaar",
                "dorp_of_stad", "In een dorp",
                "reden_migratie", "Ik ben gevlucht",
                "vluchtgeschiedenis", "Liever niet nu.",
                "familie", "Mijn moeder woont daar nog, mijn broer in Rotterdam."));
        expected.put("praktisch", entries("praktische_zorgen", "Brieven en formulieren, Geld en schulden"));
        expected.put("probleem", entries("probleem", "Mijn zoon gaat vaak niet naar school.",
                "probleem_oorzaak", "Hij heeft verkeerde vrienden.",
                "al_geprobeerd", "Ik heb met de leraar gepraat."));
        expected.put("geloof", entries("geloof_cultuur", "Ja",
                "geloof_toelichting", "Ik wil graag een vrouwelijke hulpverlener."));
        expected.put("verwachtingen", entries("eerdere_hulp", "Nee",
                "verwachtingen", "Dat mijn zoon weer naar school gaat."));
        expected.put("vertrouwen", entries(
                "zorgen", "Ik schaam me, of ik ben bang voor wat familie of buren denken, Ik ben bang dat mijn kinderen worden weggehaald",
                "vertrouwde_plekken", "De huisarts, De moskee, de kerk of een ander gebedshuis",
                "sleutelpersoon", "Ja",
                "sleutelpersoon_wie", "Mijn buurvrouw"));
        expected.put("overig", entries("nog_iets", "overgeslagen"));
        assertEquals(expected, summary);
        assertEquals("Leefwereld, gezin en eigen kring", result.summary().get(1).title());
        assertEquals("Welke talen spreekt u?", result.summary().get(0).items().get(0).question());
    }

    /**
     * An answer in the summary reads as it was typed or tapped, as the API's echo of it does: the summary had
     * "zoon&#39;s" and "&quot;duur&quot;" in the JSON (and "I don&#39;t know" for the label); markup stays text.
     */
    @Test
    void theSummaryKeepsAnApostropheAndMarkupStaysText() {
        Map<String, Object> answers = fled();
        answers.put("leefwereld", "Mijn zoon's school <b>ver</b> & \"duur\"");
        Result.SummaryItem item = walk(answers, "nl").result().summary().stream().flatMap(t -> t.items().stream())
                .filter(i -> i.step().equals("leefwereld")).findFirst().orElseThrow();
        assertEquals("Mijn zoon's school &lt;b&gt;ver&lt;/b&gt; &amp; \"duur\"", item.answer());
    }

    @Test
    void attentionPointsFollowWhatTheParentSaid() {
        FlowWalk walk = walk(fled(), "nl");
        assertEquals(List.of("tolk_regelen", "praktisch_beginnen", "vluchtgeschiedenis_behoedzaam", "tijd_voor_vertrouwen",
                "schaamte_respecteren", "sleutelpersoon_betrekken", "familie_betrekken", "geloof_meenemen",
                "sterke_kanten_benutten", "hulp_uitleggen"), walk.tipIds());
        Result.Tip interpreter = walk.result().tips().get(0);
        assertEquals("Antwoord \"Ja\" op \"Zou een tolk u helpen bij gesprekken met ons of met andere hulpverleners?\".",
                interpreter.why());
        assertTrue(interpreter.source().startsWith("FORUM (2014), advies over het bereiken van kwetsbare migrantengezinnen"
                + " in de nieuwe jeugdzorg: bijlage 3, cultuursensitief werken in een jeugdteam"), interpreter.source());

        FlowWalk alone = walk(bornHereAlone(), "nl");
        assertEquals(List.of("netwerk_versterken"), alone.tipIds());
        assertTrue(alone.result().tips().get(0).why().contains("\"Niemand\""), alone.result().tips().get(0).why());
        List<String> path = alone.progress().path();
        for (String notAsked : List.of("tolk_taal", "dorp_of_stad", "reden_migratie", "vluchtgeschiedenis", "geloof_toelichting",
                "sleutelpersoon_wie")) {
            assertFalse(path.contains(notAsked), notAsked + " was asked: " + path);
        }

        FlowWalk skipped = walk(allSkipped(), "nl");
        assertEquals(List.of(), skipped.tipIds());
        skipped.result().summary().forEach(theme -> theme.items()
                .forEach(item -> assertEquals("overgeslagen", item.answer(), item.step())));

        for (FlowWalk w : List.of(walk, alone, skipped)) {
            for (Result.Tip tip : w.result().tips()) {
                assertFalse(tip.why().isBlank(), tip.id());
                assertFalse(tip.source().isBlank(), tip.id());
            }
        }
    }

    /**
     * A parent who says the family decides along, and who fears what family or neighbours think (or is ashamed): "Betrek
     * de familie bij de hulp ... zoek samen met de familie" stood beside that fear (the research probe). The seeds join
     * the family's we-feeling to regard for shame (000 r. 1265-1269): then no one from the family without the parent's wish.
     */
    @Test
    void theFamilyIsNotBroughtInBesideAFearOfWhatTheFamilyThinks() {
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            FlowWalk afraid = walk(fled(), language);
            assertTrue(afraid.tipIds().contains("schaamte_respecteren"), afraid.tipIds().toString());
            String careful = tip(afraid, "familie_betrekken");
            Map<String, Object> noShame = fled();
            noShame.put("zorgen", List.of("kinderen_afgepakt"));
            String plain = tip(walk(noShame, language), "familie_betrekken");
            assertNotEquals(plain, careful, language);
            assertFalse(careful.isBlank() || plain.isBlank(), language);
            if (language.equals("nl")) {
                assertTrue(careful.contains("betrek daarom niemand uit de familie zonder dat de ouder dat wil"), careful);
                assertFalse(careful.contains("samen met het gezin en de familie"), careful);
                assertTrue(plain.contains("Zoek samen met het gezin en de familie"), plain);
            }
        }
    }

    private static String tip(FlowWalk walk, String id) {
        return walk.result().tips().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + walk.tipIds())).text().replaceAll("\\s+", " ");
    }

    @Test
    void theInterviewGivesNoScore() {
        assertEquals(List.of(), FlowWalk.start("cultureel-interview", "nl").flow().dimensions());
        for (Map<String, Object> answers : List.of(fled(), bornHereAlone(), allSkipped())) {
            Result result = walk(answers, "nl").result();
            assertEquals(Map.of(), result.scores());
            assertFalse(result.html().contains("class=\"scores\""), result.html());
        }
    }

    private static Map<String, String> entries(String... stepsAndAnswers) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < stepsAndAnswers.length; i += 2) {
            m.put(stepsAndAnswers[i], stepsAndAnswers[i + 1]);
        }
        return m;
    }
}
