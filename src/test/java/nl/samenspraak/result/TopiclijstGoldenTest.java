package nl.samenspraak.result;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden answer sets for the progress talk between municipality and team (000 Bijlage 1): which numbered
 * recommendations each set calls up, in which order, and the score on each of the ten topics.
 */
class TopiclijstGoldenTest {
    private static final List<String> TOPICS = List.of("beeld", "bereik", "uitval", "drang_dwang", "verwijzing",
            "tevredenheid", "netwerk", "partners", "vakmanschap", "randvoorwaarden");
    private static final Pattern RECOMMENDATION = Pattern.compile("FORUM \\(2014\\), .*: .*hoofdstuk 10, aanbevelingen.* \\(\\d+");

    /** Every answer the strongest it can be; text questions filled in. */
    private static Map<String, Object> strong() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("welkom", null);
        a.put("deelnemers", List.of("teamleider", "ambtenaar"));
        a.put("wijk", "Wijkteam Noord, Poelenburg");
        a.put("beeld_zicht", 5);
        a.put("beeld_opvallend", "Veel schooluitval bij jongens van 14 tot 16.");
        a.put("bereik_weten", 5);
        a.put("bereik_oordeel", "zoals_verwacht");
        a.put("bereik_bewijs", "Jeugdmonitor en eigen telling per school.");
        a.put("uitval", "niet_vaker");
        a.put("drang_dwang", "niet_vaker");
        a.put("verwijzing", "niet_vaker");
        a.put("klant_tevreden", "tevreden");
        a.put("klant_opvallend", "Ouders noemen vaak dat ze lang moeten wachten.");
        a.put("klant_representatief", 5);
        a.put("netwerk_partners", "Moskee, moedercentrum, twee sleutelpersonen.");
        a.put("netwerk_samenwerking", 5);
        a.put("partners_tevreden", "tevreden");
        a.put("partners_wensen", null);
        a.put("vak_aansluiting", 5);
        a.put("vak_taal", 5);
        a.put("vak_cultuur", 5);
        a.put("vak_vertrouwen", 5);
        a.put("capaciteit", 5);
        a.put("team_samenstelling", 5);
        a.put("randvoorwaarden_knelpunten", null);
        a.put("drempels", List.of("geen"));
        a.put("negatieve_ervaringen", "zelden");
        a.put("nieuwe_groepen", "Sinds vorig jaar wonen er meer Poolse en Roemeense gezinnen.");
        a.put("voorlichting", "samen_met_intermediairs");
        a.put("afspraken", "Over een half jaar weer.");
        return a;
    }

    private static Map<String, Object> weak() {
        Map<String, Object> a = strong();
        for (String scale : List.of("beeld_zicht", "bereik_weten", "klant_representatief", "netwerk_samenwerking",
                "vak_aansluiting", "vak_taal", "vak_cultuur", "vak_vertrouwen", "capaciteit", "team_samenstelling")) {
            a.put(scale, 1);
        }
        a.put("bereik_oordeel", "veel_lager");
        a.put("uitval", "veel_vaker");
        a.put("drang_dwang", "veel_vaker");
        a.put("verwijzing", "veel_vaker");
        a.put("klant_tevreden", "ontevreden");
        a.put("partners_tevreden", "ontevreden");
        a.put("drempels", List.of("westerse_uitstraling", "weinig_tijd", "standaard_methoden", "weinig_motivatie"));
        a.put("negatieve_ervaringen", "vaak");
        a.put("voorlichting", "alleen_algemeen");
        return a;
    }

    private static Map<String, Object> dontKnow() {
        Map<String, Object> a = strong();
        for (String step : List.of("beeld_zicht", "bereik_weten", "bereik_oordeel", "uitval", "drang_dwang", "verwijzing",
                "klant_tevreden", "klant_representatief", "netwerk_samenwerking", "partners_tevreden", "vak_aansluiting",
                "vak_taal", "vak_cultuur", "vak_vertrouwen", "capaciteit", "team_samenstelling", "negatieve_ervaringen", "voorlichting")) {
            a.put(step, "weet-niet");
        }
        a.remove("klant_representatief"); // not asked after "weet ik niet" on satisfaction
        a.put("drempels", List.of("onbekend"));
        for (String text : List.of("beeld_opvallend", "bereik_bewijs", "klant_opvallend", "netwerk_partners",
                "nieuwe_groepen", "afspraken")) {
            a.put(text, null);
        }
        return a;
    }

    private static FlowWalk walk(Map<String, Object> answers, String language) {
        FlowWalk walk = FlowWalk.start("topiclijst", language);
        answers.forEach(walk::answer);
        return walk;
    }

    private static Map<String, Integer> scores(Result result) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        result.scores().forEach((d, s) -> scores.put(d, s.value()));
        return scores;
    }

    private static Map<String, Integer> allScores(Integer value) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        TOPICS.forEach(t -> scores.put(t, value));
        return scores;
    }

    private static void assertEveryTipExplainedAndSourced(Result result) {
        for (Result.Tip tip : result.tips()) {
            assertFalse(tip.why().isBlank(), tip.id() + " has no why");
            assertTrue(RECOMMENDATION.matcher(tip.source()).find(),
                    tip.id() + " does not name its recommendation numbers: " + tip.source());
            assertFalse(tip.title().isBlank(), tip.id());
            assertFalse(tip.text().isBlank(), tip.id());
        }
    }

    @Test
    void firstStepSaysThisIsTheOrganisationsDatedRecordForTheManagers() {
        ConversationState.StepView first = FlowWalk.start("topiclijst", "nl").state().step();
        assertEquals("welkom", first.id());
        assertEquals("info", first.type());
        assertTrue(first.text().contains("verslag van jullie organisatie"), first.text());
        assertTrue(first.text().contains("niet een anonieme"), first.text());
        assertTrue(first.text().contains("leidinggevenden van het team zien alle antwoorden, met de datum"), first.text());
    }

    @Test
    void allStrongGivesFullScoresOnEveryTopicAndNoRecommendations() {
        Result result = walk(strong(), "nl").result();
        assertEquals(allScores(100), scores(result));
        assertEquals(List.of(), result.tips());
    }

    @Test
    void allWeakGivesEveryMatchingRecommendationMostImportantFirst() {
        FlowWalk walk = walk(weak(), "nl");
        Result result = walk.result();
        assertEquals(allScores(0), scores(result));
        assertEquals(List.of(
                // one per theme first (reach, figures, expertise, migrant organisations, capacity): the five shown at once
                "bereik_strategie", "dwang_verklaren", "vakmanschap_versterken", "netwerk_sleutelpersonen",
                "randvoorwaarden_capaciteit",
                "beeld_in_kaart", "monitoren_zonder_etniciteit", "uitval_aansluiting",
                "verwijzing_preventie", "tevredenheid_stem", "partners_evalueren",
                "team_diversiteit", "kwaliteit_maatwerk", "stappenplan_samenwerking"), walk.tipIds(),
                "sixteen tips, five of them on migrant organisations and key persons, were more than a team takes in; "
                        + "recommendations 9, 23 and 28 now stand in the one tip on working with them");
        String partners = result.tips().get(3).text();
        assertTrue(partners.contains("meedenken over de voorlichting") && partners.contains("op bezoek"), partners);
        String html = result.html();
        int more = html.indexOf("<details class=\"more-tips\">");
        assertTrue(more > html.indexOf("id=\"tip-randvoorwaarden_capaciteit\""), "capacity among the first five");
        assertTrue(html.indexOf("id=\"tip-stappenplan_samenwerking\"") > more, "the seven steps under more tips");
        assertEveryTipExplainedAndSourced(result);
        Result.Tip reach = result.tips().get(0);
        assertEquals("Aanbevelingen 6 en 8: maak een plan om gezinnen op tijd te bereiken", reach.title());
        assertTrue(reach.why().contains("Bereik is 0 van de 100"), reach.why());
        assertTrue(reach.why().contains("Duidelijk minder dan verwacht"), reach.why());
        assertTrue(reach.source().contains("hoofdstuk 10, aanbevelingen (6, 8)"), reach.source());
    }

    @Test
    void mixedAnswersGiveRecommendationsForExactlyTheWeakSpots() {
        Map<String, Object> a = strong();
        a.put("beeld_zicht", 4);
        a.put("bereik_weten", "weet-niet");
        a.put("bereik_oordeel", "iets_lager");
        a.put("drang_dwang", "veel_vaker");
        a.put("verwijzing", "iets_vaker");
        a.put("klant_representatief", 2);
        a.put("netwerk_samenwerking", 2);
        a.put("partners_tevreden", "wisselend");
        a.put("vak_aansluiting", 3);
        a.put("vak_taal", 2);
        a.put("vak_cultuur", 3);
        a.put("voorlichting", "via_intermediairs");
        a.put("vak_vertrouwen", 4);
        a.put("capaciteit", 3);
        a.put("team_samenstelling", 1);
        FlowWalk walk = walk(a, "nl");
        Result result = walk.result();

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("beeld", 75);
        expected.put("bereik", 50);
        expected.put("uitval", 100);
        expected.put("drang_dwang", 0);
        expected.put("verwijzing", 50);
        expected.put("tevredenheid", 50);
        expected.put("netwerk", 25);
        expected.put("partners", 50);
        expected.put("vakmanschap", 50);
        expected.put("randvoorwaarden", 25);
        assertEquals(expected, scores(result));
        // Cooperation with migrant organisations is weak (25): FORUM's seven steps come last. A single weak answer
        // among middling ones brings its topic's tip too: reach "iets lager", referrals "iets vaker", a 2 on language
        // problems (vakmanschap 50), information only passed through intermediairs.
        assertEquals(List.of("bereik_strategie", "dwang_verklaren", "vakmanschap_versterken", "netwerk_sleutelpersonen",
                "monitoren_zonder_etniciteit", "verwijzing_preventie", "tevredenheid_stem", "team_diversiteit",
                "stappenplan_samenwerking"), walk.tipIds());
        assertEveryTipExplainedAndSourced(result);
        Result.Tip language = result.tips().get(2);
        assertTrue(language.why().startsWith("Je antwoordde \"2 van 5\" op \"") && language.why().split("Je antwoordde").length == 2,
                "the one weak answer, not the topic's other three: " + language.why());

        // The satisfaction rule fires on the unrepresentative survey, though the families are satisfied.
        Result.Tip voice = result.tips().get(6);
        // its why quotes the answer that brought it, not the satisfied families beside it
        assertFalse(voice.why().contains("\"Meestal tevreden\""), voice.why());
        assertTrue(voice.why().contains("\"2 van 5\""), "2 of what: " + voice.why());
        // Team make-up is weak, capacity is not: only the team recommendation, not the capacity one.
        assertTrue(result.tips().get(7).why().contains("1 · klopt niet"), result.tips().get(7).why());
    }

    @Test
    void thresholdsTheTeamRecognisesCallUpTheResearchsMeasuresWithoutTouchingTheScores() {
        Map<String, Object> a = strong();
        a.put("drempels", List.of("westerse_uitstraling", "weinig_tijd"));
        a.put("negatieve_ervaringen", "soms");
        FlowWalk walk = walk(a, "nl");
        Result result = walk.result();
        assertEquals(allScores(100), scores(result));
        assertEquals(List.of("vertrouwen_herstellen", "kwaliteit_maatwerk"), walk.tipIds());
        assertEveryTipExplainedAndSourced(result);
        Result.Tip trust = result.tips().get(0);
        assertTrue(trust.why().contains("erg westers"), trust.why());
        assertTrue(trust.why().contains("\"Soms\""), trust.why());
        assertTrue(trust.source().contains("Met één hand kun je niet klappen"), trust.source());
        assertTrue(result.tips().get(1).why().contains("te weinig tijd"), result.tips().get(1).why());

        // Negative experiences alone, without the other thresholds, are enough for the trust tip.
        a.put("drempels", List.of("geen"));
        a.put("negatieve_ervaringen", "vaak");
        assertEquals(List.of("vertrouwen_herstellen"), walk(a, "nl").tipIds());
    }

    @Test
    void weakCooperationGivesTheSevenStepsStartingWithAskingTheTeam() {
        Map<String, Object> a = strong();
        a.put("netwerk_samenwerking", 1);
        FlowWalk walk = walk(a, "nl");
        assertEquals(List.of("netwerk_sleutelpersonen", "stappenplan_samenwerking"), walk.tipIds());
        Result.Tip steps = walk.result().tips().get(1);
        assertTrue(steps.text().contains("zeven stappen"), steps.text());
        assertTrue(steps.text().contains("welke groepen bereiken we minder"), steps.text());
        assertTrue(steps.source().contains("aanbevelingen (22)") || steps.source().contains("aanbeveling (22)"), steps.source());
    }

    @Test
    void informationOnlyThroughGeneralChannelsCallsUpRecommendation28EvenWhenReachIsGood() {
        Map<String, Object> a = strong();
        a.put("voorlichting", "alleen_algemeen");
        FlowWalk walk = walk(a, "nl");
        Result result = walk.result();
        assertEquals(allScores(100), scores(result));
        assertEquals(List.of("voorlichting_sleutelpersonen"), walk.tipIds());
        assertEveryTipExplainedAndSourced(result);
        Result.Tip tip = result.tips().get(0);
        assertTrue(tip.why().contains("Alleen via de gewone kanalen"), tip.why());
        assertTrue(tip.source().contains("aanbevelingen (28)"), tip.source());
    }

    /**
     * Families satisfied, by a survey whose respondents the team does not know to stand for the families it helps:
     * satisfaction scored 100, "Een sterk punt", and no tip, where topic 6 asks exactly whether they do (the research
     * probe). It brings the tip on hearing migrant families too, and the part reads as strong with one thing to look at.
     */
    @Test
    void satisfactionWithoutKnowingWhoAnsweredIsNotAPlainStrongPoint() {
        Map<String, Object> a = strong();
        a.put("klant_representatief", "weet-niet");
        FlowWalk walk = walk(a, "nl");
        assertEquals(List.of("tevredenheid_stem"), walk.tipIds());
        assertEveryTipExplainedAndSourced(walk.result());
        String label = walk.result().scores().get("tevredenheid").label();
        assertNotEquals("Een sterk punt", label);
        assertTrue(label.startsWith("Een sterk punt"), label);
    }

    /**
     * Information that already goes through intermediairs, who do not think along: recommendation 28's tip told the
     * team to let it go through them (the advice probe). The team reads the part it does not do yet; a team that
     * does both reads neither, also with low reach.
     */
    @Test
    void informationThroughIntermediairsIsToldToLetThemThinkAlongNotToUseThem() {
        Map<String, Object> a = strong();
        a.put("voorlichting", "via_intermediairs");
        FlowWalk walk = walk(a, "nl");
        assertEquals(List.of("voorlichting_meedenken"), walk.tipIds());
        assertEveryTipExplainedAndSourced(walk.result());
        Result.Tip tip = walk.result().tips().get(0);
        assertTrue(tip.text().contains("gaat al via intermediairs") && tip.text().contains("training en materiaal"), tip.text());
        assertTrue(tip.why().contains("maar zij denken niet mee"), tip.why());

        Map<String, Object> lowReachDoingBoth = strong();
        lowReachDoingBoth.put("bereik_oordeel", "veel_lager");
        FlowWalk both = walk(lowReachDoingBoth, "nl");
        assertTrue(both.tipIds().contains("bereik_strategie"), both.tipIds().toString());
        assertFalse(both.tipIds().contains("voorlichting_sleutelpersonen") || both.tipIds().contains("voorlichting_meedenken"),
                both.tipIds().toString());
    }

    /**
     * A team that does not know what the families think is not asked whether those who report satisfaction stand
     * for them: a 5 there made satisfaction "100, een sterk punt" with no satisfaction known (the advice probe). The
     * part has too few answers, and the tip says how to hear the families.
     */
    @Test
    void satisfactionNotKnownIsNoScoreButATipToHearTheFamilies() {
        Map<String, Object> a = strong();
        a.put("klant_tevreden", "weet-niet");
        a.remove("klant_representatief");
        FlowWalk walk = walk(a, "nl");
        assertFalse(walk.progress().path().contains("klant_representatief"), walk.progress().path().toString());
        assertNull(walk.scores().get("tevredenheid"));
        assertEquals("Te weinig antwoorden om iets over te zeggen.", walk.result().scores().get("tevredenheid").label());
        assertEquals(List.of("tevredenheid_stem"), walk.tipIds());
        assertTrue(walk.result().tips().get(0).why().contains("\"Weet ik niet\""), walk.result().tips().get(0).why());
    }

    @Test
    void dontKnowEverywhereGivesNoScoresAndOnlyTheRecommendationsToFindOut() {
        FlowWalk walk = walk(dontKnow(), "nl");
        Result result = walk.result();
        assertEquals(allScores(null), scores(result));
        result.scores().values().forEach(s -> assertEquals("Te weinig antwoorden om iets over te zeggen.", s.label()));
        // finding out: the figures, monitoring without ethnicity, and what the families think of the help
        assertEquals(List.of("beeld_in_kaart", "monitoren_zonder_etniciteit", "tevredenheid_stem"), walk.tipIds());
        assertEveryTipExplainedAndSourced(result);
        result.tips().forEach(t -> assertTrue(t.why().contains("\"Weet ik niet\""), t.why()));
    }

    /**
     * One weak answer among strong ones is not averaged away: "1" on handling language problems beside three 5s
     * (vakmanschap 75, "Een sterk punt") and "iets vaker" compulsory measures (drang_dwang 50) each bring their tip.
     */
    @Test
    void aSingleWeakAnswerAmongStrongOnesBringsItsTopicsTip() {
        Map<String, Object> a = strong();
        a.put("vak_taal", 1);
        a.put("drang_dwang", "iets_vaker");
        FlowWalk walk = walk(a, "nl");
        assertEquals(List.of("dwang_verklaren", "vakmanschap_versterken"), walk.tipIds());
        assertEveryTipExplainedAndSourced(walk.result());
        assertTrue(walk.result().tips().get(1).why().startsWith("Je antwoordde \"1"), walk.result().tips().get(1).why());
    }
}
