package nl.samenspraak.result;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.support.Translated;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden answer sets for the self-reflection "Werk jij diversiteitsproof?": the exact tips (in order) and
 * scores a professional gets for the strongest, weakest, mixed, middling and all-"weet ik niet" answers, and
 * that an Arabic walk shows Arabic words only.
 */
class WerkJijDiversiteitsproofGoldenTest {
    private static final String FLOW = "werk-jij-diversiteitsproof";
    private static final List<String> DIMENSIONS = List.of("kennis", "houding", "vaardigheden", "werkwijze", "netwerk");
    private static final String DONT_KNOW = "weet-niet";

    /** The questions in the order the flow asks them, with an answer each; info steps get null. */
    private static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> strongest() {
        return answers("welkom", null,
                "houding_nieuwsgierig", 5, "kennis_migratie", 5, "houding_eigen_kader", 5,
                "kennis_communicatie", "veel", "houding_vooroordelen", "bewust", "kennis_opvoeden", "goed",
                "tussendoor", null,
                "vaardig_vertrouwen", 5, "werkwijze_tijd", 5,
                "werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"),
                "vaardig_taalniveau", 5, "vaardig_tolk", "tolk", "werkwijze_alternatieven", "samen_zoeken",
                "werkwijze_eigen_kracht", 5,
                "netwerk_sleutelpersonen", "regelmatig", "netwerk_vindplaatsen", 5, "netwerk_ruimte", 5,
                "netwerk_team", 5,
                "opmerking", "Fijn om zo even stil te staan bij mijn werk.");
    }

    private static Map<String, Object> weakest() {
        return answers("welkom", null,
                "houding_nieuwsgierig", 1, "kennis_migratie", 1, "houding_eigen_kader", 1,
                "kennis_communicatie", "weinig", "houding_vooroordelen", "zelden", "kennis_opvoeden", "nauwelijks",
                "tussendoor", null,
                "vaardig_vertrouwen", 1, "werkwijze_tijd", 1, "werkwijze_achtergrond", List.of("geen"),
                "vaardig_taalniveau", 1, "vaardig_tolk", "familie", "werkwijze_alternatieven", "afkeuren",
                "werkwijze_eigen_kracht", 1,
                "netwerk_sleutelpersonen", "nog_niet", "netwerk_vindplaatsen", 1, "netwerk_ruimte", 1,
                "netwerk_team", 1,
                "opmerking", null);
    }

    /** Strong on knowledge and attitude, middling way of working (with one "weet ik niet"), weak skills and network. */
    private static Map<String, Object> mixed() {
        return answers("welkom", null,
                "houding_nieuwsgierig", 5, "kennis_migratie", 4, "houding_eigen_kader", 4,
                "kennis_communicatie", "iets", "houding_vooroordelen", "soms", "kennis_opvoeden", "goed",
                "tussendoor", null,
                "vaardig_vertrouwen", 2, "werkwijze_tijd", 3,
                "werkwijze_achtergrond", List.of("jaren", "familie", "opvoeding"),
                "vaardig_taalniveau", 2, "vaardig_tolk", "tolk", "werkwijze_alternatieven", "uitleggen",
                "werkwijze_eigen_kracht", DONT_KNOW,
                "netwerk_sleutelpersonen", "nog_niet", "netwerk_vindplaatsen", 1, "netwerk_ruimte", 3,
                "netwerk_team", 2,
                "opmerking", null);
    }

    /** The middle of every scale and choice: no weak spot, nothing strong yet, and no red flag. */
    private static Map<String, Object> middling() {
        return answers("welkom", null,
                "houding_nieuwsgierig", 3, "kennis_migratie", 3, "houding_eigen_kader", 3,
                "kennis_communicatie", "iets", "houding_vooroordelen", "soms", "kennis_opvoeden", "een_beetje",
                "tussendoor", null,
                "vaardig_vertrouwen", 3, "werkwijze_tijd", 3,
                "werkwijze_achtergrond", List.of("jaren", "familie", "opvoeding"),
                "vaardig_taalniveau", 3, "vaardig_tolk", "tolk", "werkwijze_alternatieven", "samen_zoeken",
                "werkwijze_eigen_kracht", 3,
                "netwerk_sleutelpersonen", "af_en_toe", "netwerk_vindplaatsen", 3, "netwerk_ruimte", 3,
                "netwerk_team", 3,
                "opmerking", null);
    }

    /**
     * The red-flag profile: strong everywhere, but "Daar sta ik eigenlijk niet bij stil" on prejudice and
     * "Ik zeg duidelijk dat het zo niet kan" on a family's different approach.
     */
    private static Map<String, Object> redFlags() {
        Map<String, Object> m = strongest();
        m.put("houding_vooroordelen", "zelden");
        m.put("werkwijze_alternatieven", "afkeuren");
        return m;
    }

    private static Map<String, Object> allDontKnow() {
        Map<String, Object> m = new LinkedHashMap<>();
        strongest().forEach((step, answer) -> m.put(step,
                answer == null ? null : answer instanceof List<?> ? List.of(DONT_KNOW) : DONT_KNOW));
        m.put("opmerking", null);
        return m;
    }

    /** Walks the flow with the scripted answers; fails when it asks a step the script does not expect. */
    private static FlowWalk walk(String language, Map<String, Object> script) {
        List<String> asked = new ArrayList<>();
        FlowWalk walk = FlowWalk.start(FLOW, language).answerAll(step -> {
            if (!script.containsKey(step.id())) {
                throw new AssertionError("the flow asks '" + step.id() + "', which the script does not answer");
            }
            asked.add(step.id());
            return script.get(step.id());
        });
        assertEquals(List.copyOf(script.keySet()), asked, "the flow asks exactly the scripted questions, in order");
        return walk;
    }

    private static Map<String, Integer> scores(FlowWalk walk) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        walk.result().scores().forEach((dimension, score) -> scores.put(dimension, score.value()));
        return scores;
    }

    private static Map<String, Integer> expectedScores(Integer... values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            m.put(DIMENSIONS.get(i), values[i]);
        }
        return m;
    }

    private static void everyTipSaysWhyAndWhere(FlowWalk walk) {
        for (Result.Tip tip : walk.result().tips()) {
            assertFalse(tip.title().isBlank(), tip.id() + " has a title");
            assertFalse(tip.text().isBlank(), tip.id() + " has a text");
            assertFalse(tip.why().isBlank(), tip.id() + " says why it appears");
            assertTrue(tip.source().matches(".*\\(\\d{4}\\)[^:]*: .+"),
                    tip.id() + " names a report (with its year) and a part of it: " + tip.source());
        }
    }

    private static Result.Tip tip(FlowWalk walk, String id) {
        return walk.result().tips().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no tip " + id + " in " + walk.tipIds()));
    }

    /**
     * "Weet ik niet" on three of the four network questions and a 5 on the fourth: the network part has too few
     * answers, not "100, een sterk punt", and no tip says the professional has a network in the wijk (the advice probe
     * read "Je antwoorden laten zien dat ... je een netwerk in de wijk hebt" here, in Dutch and Arabic).
     */
    @Test
    void oneNetworkAnswerAmongWeetIkNietIsNoStrongPointNorPraise() {
        Map<String, Object> script = strongest();
        script.put("netwerk_sleutelpersonen", DONT_KNOW);
        script.put("netwerk_vindplaatsen", DONT_KNOW);
        script.put("netwerk_ruimte", DONT_KNOW);
        for (String language : List.of("nl", "ar")) {
            FlowWalk walk = walk(language, script);
            assertEquals(expectedScores(100, 100, 100, 100, null), scores(walk), language);
            assertFalse(walk.tipIds().contains("herkenning"), language + ": " + walk.tipIds());
            String praise = FlowWalk.library().translations().flowText(language, FLOW, "tips.herkenning.text");
            assertFalse(walk.result().html().contains(praise.substring(0, 40)), language + ": no praise for a network not told of");
        }
    }

    @Test
    void strongestAnswersGiveRecognitionAndOneGrowthTip() {
        FlowWalk walk = walk("nl", strongest());
        assertEquals(expectedScores(100, 100, 100, 100, 100), scores(walk));
        assertEquals(List.of("herkenning", "nieuwe_groepen"), walk.tipIds());
        everyTipSaysWhyAndWhere(walk);
        assertEquals("Je werkt al diversiteitsproof", tip(walk, "herkenning").title());
        assertEquals("Je score voor Kennis is 100 van de 100. Je score voor Houding is 100 van de 100. Je score voor "
                + "Vaardigheden is 100 van de 100. Je score voor Werkwijze is 100 van de 100. Je score voor Netwerk en "
                + "randvoorwaarden is 100 van de 100.", tip(walk, "herkenning").why(),
                "a tip about all five scores names the scores, without burying them under fifteen quoted answers");
    }

    @Test
    void weakestAnswersGiveATipOnEveryRedFlagAndForEveryWeakDimension() {
        FlowWalk walk = walk("nl", weakest());
        assertEquals(expectedScores(0, 0, 0, 0, 0), scores(walk));
        // beside the red flags on prejudice and on the family's story, no tip that says the same (looking back on
        // one's own frame, hearing the family's story); disapproving has its flag, so no tip on looking together
        assertEquals(List.of("vlag_vooroordelen", "vlag_afkeuren", "vlag_familie_tolkt", "houding_open",
                "vaardigheden_vertrouwen", "vaardigheden_taal", "vlag_geen_achtergrond", "werkwijze_band",
                "werkwijze_praktisch", "kennis_verdiepen", "netwerk_versterken", "ruimte_vragen", "team_leren"), walk.tipIds());
        everyTipSaysWhyAndWhere(walk);
        assertTrue(tip(walk, "vlag_familie_tolkt").why().contains("Een familielid of kennis vertaalt"),
                tip(walk, "vlag_familie_tolkt").why());
        assertTrue(tip(walk, "kennis_verdiepen").why().contains("Daar weet ik weinig van"),
                tip(walk, "kennis_verdiepen").why());
        // five tips stand out; the rest wait behind "meer tips"
        String html = walk.result().html();
        int more = html.indexOf("<details class=\"more-tips\">");
        assertTrue(more > 0, html);
        assertTrue(html.indexOf("id=\"tip-vaardigheden_vertrouwen\"") < more);
        assertTrue(html.indexOf("id=\"tip-vlag_geen_achtergrond\"") > more);
    }

    @Test
    void aRedFlagProfileGetsNoPraiseAndATipOnEachRedFlag() {
        FlowWalk walk = walk("nl", redFlags());
        // prejudice and disapproval weigh 2 of 10 and 2 of 15 points: both scores stay in the high band
        assertEquals(expectedScores(100, 80, 100, 87, 100), scores(walk));
        assertEquals(List.of("vlag_vooroordelen", "vlag_afkeuren"), walk.tipIds(),
                "no \"Je werkt al diversiteitsproof\" while a red flag is given");
        everyTipSaysWhyAndWhere(walk);
        Result.Tip prejudice = tip(walk, "vlag_vooroordelen");
        assertTrue(prejudice.text().contains("Daar sta ik eigenlijk niet bij stil"), "the tip names the answer: " + prejudice.text());
        Result.Tip disapproval = tip(walk, "vlag_afkeuren");
        assertTrue(disapproval.text().contains("Ik zeg duidelijk dat het zo niet kan"), disapproval.text());
        assertTrue(disapproval.text().contains("zoek samen een aanpak"), "says what to do instead: " + disapproval.text());
        assertTrue(disapproval.text().contains("Meldcode") && disapproval.text().contains("opvoeding zonder geweld"),
                "the boundary of child safety: " + disapproval.text());
        assertFalse(walk.result().html().contains("Je werkt al diversiteitsproof"), walk.result().html());
        // attitude scores high, but the red flag is on one of its answers: its reading praises nothing
        assertEquals("Eén antwoord vraagt aandacht: zie de tips.", walk.result().scores().get("houding").label());
        assertEquals("Een sterk punt.", walk.result().scores().get("kennis").label(), "no tip on knowledge");
    }

    /**
     * A red flag (flag: true) keeps praise off its part's reading too, not only off the tips: strong everywhere but
     * one such answer read "Een sterk punt, met één ding om naar te kijken in de tips" (Werkwijze 87 beside
     * "afkeuren", 93 beside "uitleggen", Houding 80 beside "zelden") or "Op weg, met ruimte om te groeien"
     * (Vaardigheden 73 beside a child or a relative who interprets, Werkwijze 67 beside no question on the family's
     * background): the December 2026 probe. The other parts keep their "Een sterk punt".
     */
    @Test
    void aRedFlagsPartReadsAsNeedingAttentionNotAsPraise() {
        record Probe(String step, Object answer, String part, int score) {
        }
        List<Probe> probes = List.of(new Probe("werkwijze_alternatieven", "afkeuren", "werkwijze", 87),
                new Probe("werkwijze_alternatieven", "uitleggen", "werkwijze", 93),
                new Probe("houding_vooroordelen", "zelden", "houding", 80),
                new Probe("vaardig_tolk", "kind", "vaardigheden", 73),
                new Probe("vaardig_tolk", "familie", "vaardigheden", 73),
                new Probe("werkwijze_achtergrond", List.of("geen"), "werkwijze", 67));
        Map<String, String> flagged = Map.of("nl", "Eén antwoord vraagt aandacht: zie de tips.",
                "ar", "إجابة واحدة تستدعي الانتباه، والتفاصيل في النصائح.");
        Map<String, String> strong = Map.of("nl", "Een sterk punt.", "ar", "نقطة قوة.");
        List<String> praised = new ArrayList<>(); // every probe's reading, said together when one praises
        for (Probe probe : probes) {
            Map<String, Object> script = strongest();
            script.put(probe.step(), probe.answer());
            for (String language : List.of("nl", "ar")) {
                FlowWalk walk = walk(language, script);
                String what = language + " " + probe.step() + "=" + probe.answer();
                assertEquals(probe.score(), walk.result().scores().get(probe.part()).value(), what);
                if (!flagged.get(language).equals(walk.result().scores().get(probe.part()).label())) {
                    praised.add(what + ": " + walk.result().scores().get(probe.part()).label());
                    continue;
                }
                // the fact itself, for whatever reads the result (the line above it, the API's clients)
                walk.result().scores().forEach((part, score) -> assertEquals(part.equals(probe.part()), score.flagged(), what + ": " + part));
                walk.result().scores().forEach((part, score) -> {
                    if (!part.equals(probe.part())) {
                        assertEquals(strong.get(language), score.label(), what + ": " + part);
                    }
                });
                assertTrue(walk.result().html().contains(flagged.get(language)), what + ": the page shows it");
                // and its bar is not the green of a strong point beside those words
                java.util.regex.Matcher bar = java.util.regex.Pattern.compile("score-fill score-(\\w+)\" data-value=\"" + probe.score() + "\"")
                        .matcher(walk.result().html());
                assertTrue(bar.find(), what + ": " + walk.result().html());
                assertFalse(bar.group(1).equals("high"), what + ": a green bar beside 'needs attention'");
            }
        }
        assertEquals(List.of(), praised, "a red flag's part reads as needing attention");
        // a low part beside its red flags still says where the most is to gain
        FlowWalk weakest = walk("nl", weakest());
        weakest.result().scores().values().forEach(score -> assertEquals("Hier valt het meest te winnen.", score.label()));
        // the red-flag profile: both flagged parts, in every language words of its own
        FlowWalk twoFlags = walk("en", redFlags());
        assertEquals("One answer needs attention: see the tips.", twoFlags.result().scores().get("houding").label());
        assertEquals("One answer needs attention: see the tips.", twoFlags.result().scores().get("werkwijze").label());
        assertEquals("A strong point.", twoFlags.result().scores().get("kennis").label());
    }

    /**
     * The line above the result names no flagged part as the strongest: a middling profile with way of working
     * answered at its best but "afkeuren" has Werkwijze (flagged) highest, and the line said "Je sterkste punt:
     * Werkwijze" above a tip that says not to disapprove.
     */
    @Test
    void theSummaryLineCallsNoFlaggedPartTheStrongest() {
        Map<String, Object> script = middling();
        script.put("werkwijze_tijd", 5);
        script.put("werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"));
        script.put("werkwijze_alternatieven", "afkeuren");
        script.put("werkwijze_eigen_kracht", 5);
        script.put("kennis_migratie", 4);
        script.put("kennis_communicatie", "veel");
        Map<String, String> expected = Map.of(
                "nl", "Je sterkste punt: Kennis. Hier valt het meest te winnen: Houding, Netwerk en randvoorwaarden.",
                "ar", "أقوى جانب لديك: المعرفة. أكثر ما يمكنك تحسينه: الموقف، الشبكة وظروف العمل.");
        for (String language : List.of("nl", "ar")) {
            FlowWalk walk = walk(language, script);
            assertEquals(expectedScores(75, 50, 64, 87, 50), scores(walk), "way of working, flagged, scores highest");
            assertEquals(expected.get(language),
                    nl.samenspraak.conversation.ResultSummary.line(FlowWalk.library().translations(), walk.state()), language);
        }
    }

    @Test
    void explainingHowItIsDoneHereIsARedFlagWithTheSafetyBoundary() {
        Map<String, Object> script = strongest();
        script.put("werkwijze_alternatieven", "uitleggen");
        FlowWalk walk = walk("nl", script);
        assertEquals(List.of("vlag_uitleggen"), walk.tipIds());
        String text = tip(walk, "vlag_uitleggen").text();
        assertTrue(text.contains("Ik leg uit hoe het in Nederland meestal gaat"), text);
        assertTrue(text.contains("Meldcode"), text);
    }

    @Test
    void interpretersAreScoredAsTheResearchOrdersThem() {
        Map<String, Integer> skills = new LinkedHashMap<>();
        Map<String, List<String>> tips = new LinkedHashMap<>();
        Map<String, FlowWalk> walks = new LinkedHashMap<>();
        for (String interpreter : List.of("tolk", "sleutelpersoon", "eenvoudig", "familie", "kind")) {
            Map<String, Object> script = strongest();
            script.put("vaardig_tolk", interpreter);
            FlowWalk walk = walk("nl", script);
            skills.put(interpreter, scores(walk).get("vaardigheden"));
            tips.put(interpreter, walk.tipIds());
            walks.put(interpreter, walk);
        }
        assertTrue(skills.get("tolk") > skills.get("sleutelpersoon"), skills.toString());
        assertTrue(skills.get("sleutelpersoon") > skills.get("eenvoudig"), skills.toString());
        assertTrue(skills.get("eenvoudig") > skills.get("familie"), skills.toString());
        assertEquals(skills.get("familie"), skills.get("kind"), skills.toString());
        assertEquals(List.of("herkenning", "nieuwe_groepen"), tips.get("tolk"));
        // simple Dutch gets the tip for an interpreter, and no praise beside it (it said "Je werkt al
        // diversiteitsproof" over "Eenvoudig Nederlands ... is niet genoeg"); a key person who comes along to
        // interpret is what FORUM asks of migrant organisations (001 r. 453-454): a tip on agreeing the roles beside
        // the praise, where the interpreter's tip told the professional "een sleutelpersoon ... is geen tolk"
        assertEquals(List.of("herkenning", "taal_sleutelpersoon", "nieuwe_groepen"), tips.get("sleutelpersoon"));
        assertEquals(List.of("tolk_inzetten"), tips.get("eenvoudig"));
        assertEquals(List.of("vlag_familie_tolkt"), tips.get("familie"));
        assertEquals(List.of("vlag_kind_tolkt"), tips.get("kind"));
        Result.Tip child = tip(walks.get("kind"), "vlag_kind_tolkt");
        assertEquals("Laat geen kinderen tolken", child.title());
        assertTrue(child.text().contains("Een kind vertaalt"), "names the answer: " + child.text());
        assertTrue(tip(walks.get("familie"), "vlag_familie_tolkt").text().contains("Laat geen kinderen tolken"));
        String keyPerson = tip(walks.get("sleutelpersoon"), "taal_sleutelpersoon").text();
        assertTrue(keyPerson.contains("kan meegaan om te tolken") && keyPerson.contains("de verantwoordelijkheid blijven bij jou"),
                keyPerson);
        assertFalse(keyPerson.contains("geen tolk"), keyPerson);
        assertTrue(tip(walks.get("eenvoudig"), "tolk_inzetten").text().contains("migrantenorganisatie die de ouder vertrouwt"),
                "the interpreter's tip names the key person as a way too");
    }

    /**
     * The weakest answer on one question, beside the strongest everywhere else, brings its part's tip and no praise:
     * "Nog niet" on working with migrant organisations scored netwerk 86 and earned "Je werkt al diversiteitsproof";
     * a "never" on curiosity (houding 60) only "op weg". The tip's why quotes that answer.
     */
    @Test
    void theWeakestAnswerOnOneQuestionIsNotAveragedAway() {
        Map<String, String> tipFor = new LinkedHashMap<>();
        Map<String, Object> weakest = new LinkedHashMap<>();
        tipFor.put("netwerk_sleutelpersonen", "netwerk_versterken");
        weakest.put("netwerk_sleutelpersonen", "nog_niet");
        tipFor.put("werkwijze_eigen_kracht", "werkwijze_praktisch");
        weakest.put("werkwijze_eigen_kracht", 2);
        tipFor.put("werkwijze_tijd", "werkwijze_band");
        weakest.put("werkwijze_tijd", 1);
        tipFor.put("houding_nieuwsgierig", "houding_open");
        weakest.put("houding_nieuwsgierig", 1);
        tipFor.put("houding_eigen_kader", "houding_terugkijken");
        weakest.put("houding_eigen_kader", 2);
        tipFor.put("vaardig_vertrouwen", "vaardigheden_vertrouwen");
        weakest.put("vaardig_vertrouwen", 1);
        tipFor.put("kennis_migratie", "kennis_verdiepen");
        weakest.put("kennis_migratie", 1);
        tipFor.put("kennis_opvoeden", "kennis_verdiepen");
        weakest.put("kennis_opvoeden", "nauwelijks");
        tipFor.put("vaardig_taalniveau", "vaardigheden_taal");
        weakest.put("vaardig_taalniveau", 2);
        for (Map.Entry<String, String> e : tipFor.entrySet()) {
            Map<String, Object> script = strongest();
            script.put(e.getKey(), weakest.get(e.getKey()));
            FlowWalk walk = walk("nl", script);
            assertEquals(List.of(e.getValue()), walk.tipIds(), e.getKey() + " " + weakest.get(e.getKey()));
            everyTipSaysWhyAndWhere(walk);
            String why = tip(walk, e.getValue()).why();
            assertTrue(why.startsWith("Je antwoordde") && why.split("Je antwoordde").length == 2, "that answer alone: " + why);
        }
        // a 3 (sometimes) is no weak spot: the praise stays
        Map<String, Object> sometimes = strongest();
        sometimes.put("netwerk_team", 3);
        assertEquals(List.of("herkenning", "nieuwe_groepen"), walk("nl", sometimes).tipIds());
    }

    @Test
    void mixedAnswersGiveTipsForExactlyTheWeakDimensions() {
        FlowWalk walk = walk("nl", mixed());
        // kennis 6 of 8 points; houding 8/10; vaardigheden 5/11; werkwijze 6/11 ("weet ik niet" counts on
        // neither side); netwerk 3/14
        assertEquals(expectedScores(75, 80, 45, 55, 21), scores(walk));
        // "Ik leg uit hoe het in Nederland meestal gaat" is a red flag of its own
        assertEquals(List.of("vaardigheden_vertrouwen", "vaardigheden_taal", "vlag_uitleggen", "netwerk_versterken", "ruimte_vragen", "team_leren"),
                walk.tipIds());
        everyTipSaysWhyAndWhere(walk);
        String why = tip(walk, "netwerk_versterken").why();
        assertTrue(why.contains("Nog niet"), why);
        assertTrue(why.contains("Je score voor Netwerk en randvoorwaarden is 21 van de 100"), why);
        // a 3 on room in a low part brings its tip; a 2 on learning in the team, the team's
        assertTrue(tip(walk, "ruimte_vragen").why().contains("Mijn werk geeft me de ruimte"), tip(walk, "ruimte_vragen").why());
        assertTrue(tip(walk, "team_leren").why().contains("In mijn team"), tip(walk, "team_leren").why());
    }

    @Test
    void middlingAnswersGiveOneNextStep() {
        FlowWalk walk = walk("nl", middling());
        // kennis 4/8; houding 5/10; vaardigheden 7/11; werkwijze 9/15; netwerk 7/14
        assertEquals(expectedScores(50, 50, 64, 60, 50), scores(walk));
        assertEquals(List.of("op_weg"), walk.tipIds());
        everyTipSaysWhyAndWhere(walk);
    }

    /**
     * "Weet ik niet" everywhere but one middling answer: "Geen van de onderdelen springt eruit als zwak punt ... kijk
     * welk onderdeel het laagst is" stood beside four parts at "Te weinig antwoorden" (the research probe). The parts
     * without a score get their tips to find out; the next step comes once every part has a score.
     */
    @Test
    void theNextStepIsNotSuggestedWhileMostPartsHaveNoScore() {
        Map<String, Object> a = allDontKnow();
        a.put("houding_nieuwsgierig", 3);
        FlowWalk walk = walk("nl", a);
        assertFalse(walk.tipIds().contains("op_weg"), walk.tipIds().toString());
        assertTrue(walk.tipIds().stream().anyMatch(id -> id.endsWith("_uitzoeken")), walk.tipIds().toString());
    }

    @Test
    void labelsAndTipsReadTheSameBands() {
        // a middle profile: every score reads "Op weg", and the one tip is the one for the middle band
        FlowWalk middle = walk("nl", middling());
        middle.result().scores().forEach((dimension, score) ->
                assertEquals("Op weg, met ruimte om te groeien.", score.label(), dimension + " " + score.value()));
        assertEquals(List.of("op_weg"), middle.tipIds());
        // a 45 is low in both: the reading says so and the weak-spot tip comes; a 75 is high in both: no tip for it
        FlowWalk mixed = walk("nl", mixed());
        assertEquals(45, mixed.result().scores().get("vaardigheden").value());
        assertEquals("Hier valt het meest te winnen.", mixed.result().scores().get("vaardigheden").label());
        assertTrue(mixed.tipIds().contains("vaardigheden_vertrouwen"));
        assertEquals(75, mixed.result().scores().get("kennis").value());
        assertEquals("Een sterk punt.", mixed.result().scores().get("kennis").label());
        assertFalse(mixed.tipIds().contains("kennis_verdiepen"));
        assertEquals(55, mixed.result().scores().get("werkwijze").value());
        // a 55 is middle, but "uitleggen" is a red flag on it: no "Op weg" beside it
        assertEquals("Eén antwoord vraagt aandacht: zie de tips.", mixed.result().scores().get("werkwijze").label());
        assertFalse(mixed.tipIds().contains("werkwijze_samen"));
    }

    @Test
    void dontKnowEverywhereGivesNoScoresAndAnInvitationToFindOutPerDimension() {
        FlowWalk walk = walk("nl", allDontKnow());
        Map<String, Integer> none = new HashMap<>();
        DIMENSIONS.forEach(d -> none.put(d, null));
        assertEquals(none, scores(walk));
        walk.result().scores().values().forEach(s ->
                assertEquals("Te weinig antwoorden om iets over te zeggen.", s.label()));
        assertEquals(List.of("kennis_uitzoeken", "houding_uitzoeken", "vaardigheden_uitzoeken",
                "werkwijze_uitzoeken", "netwerk_uitzoeken"), walk.tipIds());
        everyTipSaysWhyAndWhere(walk);
        String why = tip(walk, "werkwijze_uitzoeken").why();
        assertTrue(why.contains("Je antwoordde \"Weet ik niet\""), why);
    }

    @Test
    void oneDimensionAnsweredWithWeetIkNietGetsOnlyItsOwnInvitation() {
        Map<String, Object> script = strongest();
        List.of("netwerk_sleutelpersonen", "netwerk_vindplaatsen", "netwerk_ruimte", "netwerk_team")
                .forEach(step -> script.put(step, DONT_KNOW));
        FlowWalk walk = walk("nl", script);
        assertEquals(expectedScores(100, 100, 100, 100, null), scores(walk));
        // the four strong parts are recognised, and the text says one part has no score (it had only the invitation)
        assertEquals(List.of("herkenning_deels", "netwerk_uitzoeken"), walk.tipIds());
        assertTrue(tip(walk, "herkenning_deels").text().contains("te weinig antwoorden"), tip(walk, "herkenning_deels").text());
        // no recognition beside a red flag, nor beside a weak answer
        Map<String, Object> flagged = new LinkedHashMap<>(script);
        flagged.put("vaardig_tolk", "kind");
        assertEquals(List.of("vlag_kind_tolkt", "netwerk_uitzoeken"), walk("nl", flagged).tipIds());
        Map<String, Object> explained = new LinkedHashMap<>(script);
        explained.put("werkwijze_alternatieven", "uitleggen");
        assertEquals(List.of("vlag_uitleggen", "netwerk_uitzoeken"), walk("nl", explained).tipIds());
    }

    /**
     * Room for time, home visits and interpreters, and learning in the team, are not migrant organisations: a 1 on
     * "Mijn werk geeft me de ruimte" beside "Ja, regelmatig" brought "Zoek uit welke migrantenorganisaties ... actief
     * zijn" (the research probe). It brings the tip on talking with one's manager; the migrant organisations' tip
     * comes for an answer on them or on the places where parents come.
     */
    @Test
    void littleRoomInOnesJobIsNotAnswerForMigrantOrganisations() {
        Map<String, Object> script = strongest();
        script.put("netwerk_ruimte", 1);
        FlowWalk walk = walk("nl", script);
        assertEquals(List.of("ruimte_vragen"), walk.tipIds());
        assertTrue(tip(walk, "ruimte_vragen").text().contains("huisbezoek"), tip(walk, "ruimte_vragen").text());
        Map<String, Object> places = strongest();
        places.put("netwerk_vindplaatsen", 2);
        assertEquals(List.of("netwerk_versterken"), walk("nl", places).tipIds());
    }

    /** "Ik leg uit hoe het in Nederland meestal gaat" is part of bridging differences (000 r. 1257-1263): ask first, no reproach. */
    @Test
    void explainingReadsAsTheSourceDoes() {
        Map<String, Object> script = strongest();
        script.put("werkwijze_alternatieven", "uitleggen");
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            String text = tip(walk(language, script), "vlag_uitleggen").text();
            for (String reproach : List.of("westers", "Western", "Batılı", "غربية", "zachodnia", "niet goed is", "not good")) {
                assertFalse(text.contains(reproach), language + ": " + text);
            }
        }
        assertTrue(tip(walk("nl", script), "vlag_uitleggen").text().contains("kan ouders helpen"));
    }

    @Test
    void anArabicWalkShowsArabicWordsOnlyFromRightToLeft() {
        Map<String, Object> script = mixed();
        FlowWalk arabic = FlowWalk.start(FLOW, "ar");
        FlowWalk dutch = FlowWalk.start(FLOW, "nl");
        int checked = 0;
        for (Map.Entry<String, Object> answer : script.entrySet()) {
            ConversationState ar = arabic.state();
            ConversationState nl = dutch.state();
            assertEquals("rtl", ar.direction());
            assertEquals(answer.getKey(), ar.step().id());
            assertArabicNotDutch(ar.step().text(), nl.step().text(), ar.step().id());
            for (int i = 0; i < ar.step().options().size(); i++) {
                String nlLabel = nl.step().options().get(i).label();
                if (nlLabel.chars().anyMatch(Character::isLetter)) {
                    assertArabicNotDutch(ar.step().options().get(i).label(), nlLabel,
                            ar.step().id() + " option " + ar.step().options().get(i).value());
                }
            }
            arabic.answer(answer.getKey(), answer.getValue());
            dutch.answer(answer.getKey(), answer.getValue());
            checked++;
        }
        assertEquals(20, checked);
        ConversationState done = arabic.state();
        assertEquals("rtl", done.direction());
        assertEquals(List.of("vaardigheden_vertrouwen", "vaardigheden_taal", "vlag_uitleggen", "netwerk_versterken", "ruimte_vragen", "team_leren"), arabic.tipIds());
        Result nlResult = dutch.result();
        for (int i = 0; i < done.result().tips().size(); i++) {
            Result.Tip ar = done.result().tips().get(i);
            Result.Tip nl = nlResult.tips().get(i);
            assertArabicNotDutch(ar.title(), nl.title(), ar.id() + " title");
            assertArabicNotDutch(ar.text(), nl.text(), ar.id() + " text");
            assertArabicNotDutch(ar.why(), nl.why(), ar.id() + " why");
        }
        done.result().scores().forEach((dimension, score) ->
                assertArabicNotDutch(score.name(), nlResult.scores().get(dimension).name(), dimension));
    }

    private static void assertArabicNotDutch(String arabic, String dutch, String where) {
        Translated.assertTranslated("ar", dutch, arabic, where);
    }

    @Test
    void everyScoredQuestionAllowsWeetIkNiet() {
        FlowWalk walk = FlowWalk.start(FLOW, "nl");
        List<String> scored = new ArrayList<>();
        walk.flow().steps().stream().filter(s -> s.type().hasOptions()).forEach(s -> {
            scored.add(s.id());
            assertTrue(s.option(DONT_KNOW).isPresent(), s.id() + " offers \"weet ik niet\"");
        });
        assertEquals(17, scored.size(), String.valueOf(scored));
        assertEquals(18, walk.flow().steps().stream().filter(s -> s.asksSomething()).count(),
                "17 scored questions and the open comment");
    }

    /**
     * Every tip that says "do not disapprove" draws the line at child safety, in every language: the red flag, and the
     * tip on looking for an approach together, in a weak way of working with "weet ik niet" on what one does.
     */
    @Test
    void theNotDisapprovingTipsDrawTheLineAtChildSafetyInEveryLanguage() {
        Map<String, String> boundary = Map.of("nl", "Meldcode", "en", "Meldcode", "tr", "Meldcode",
                "ar", "بروتوكول الإبلاغ عن العنف المنزلي", "pl", "Meldcode");
        Map<String, Object> noFlag = weakest();
        noFlag.put("werkwijze_alternatieven", DONT_KNOW);
        boundary.forEach((language, word) -> {
            String flag = tip(walk(language, weakest()), "vlag_afkeuren").text().replaceAll("\\s+", " ");
            assertTrue(flag.contains(word), language + " vlag_afkeuren: " + flag);
            String way = tip(walk(language, noFlag), "werkwijze_samen").text().replaceAll("\\s+", " ");
            assertTrue(way.contains(word), language + " werkwijze_samen: " + way);
        });
    }

    /**
     * Beside a red flag, no tip of its part says what the flag already says, in every language: the all-worst walk read
     * "look back on what you took for granted" twice, and "hear the family's story" twice. Without the flags those tips
     * come, each with its own practice.
     */
    @Test
    void aPartsTipDoesNotRepeatTheRedFlagBesideIt() {
        Map<String, Object> noFlags = weakest();
        noFlags.put("houding_vooroordelen", "soms");
        noFlags.put("werkwijze_alternatieven", DONT_KNOW);
        noFlags.put("werkwijze_achtergrond", List.of("jaren"));
        noFlags.put("vaardig_tolk", "tolk");
        for (String language : LANGUAGES) {
            List<String> flagged = walk(language, weakest()).tipIds();
            assertTrue(flagged.contains("vlag_vooroordelen") && !flagged.contains("houding_terugkijken"), language + ": " + flagged);
            assertTrue(flagged.contains("vlag_geen_achtergrond") && !flagged.contains("werkwijze_verhaal"), language + ": " + flagged);

            FlowWalk plain = walk(language, noFlags);
            assertFalse(plain.tipIds().stream().anyMatch(id -> id.startsWith("vlag_")), plain.tipIds().toString());
            assertTrue(text(plain, "houding_terugkijken").contains(LOOK_BACK.get(language)), language);
            assertTrue(text(plain, "werkwijze_verhaal").startsWith(STORY.get(language)), language + ": " + text(plain, "werkwijze_verhaal"));
            assertTrue(text(plain, "werkwijze_samen").contains(LIMIT.get(language)), language);
        }
        // practical help first, own strength step by step (KIS conclusie 5): "Kijk eerst wat het gezin ... zelf kan"
        // told the professional what KIS found drives vulnerable families away ("zij willen mij niet helpen")
        assertEquals("Help waar nodig eerst praktisch, en bouw daarna stap voor stap op wat het gezin en hun eigen kring "
                + "zelf kunnen: wie te snel op eigen kracht wordt gewezen, hoort \"zij willen mij niet helpen\". Neem "
                + "problemen niet over: het gezin houdt zelf de regie.", tip(walk("nl", weakest()), "werkwijze_praktisch").text());
    }

    private static final List<String> LANGUAGES = List.of("nl", "en", "tr", "ar", "pl");

    /** The sentence of each practice, in each language: what must not stand beside that practice reported at its best. */
    private static final Map<String, String> CURIOUS = Map.of("nl", "Vraag eerst hoe het gezin zelf naar de situatie kijkt",
            "en", "First ask how the family itself sees the situation", "tr", "Önce ailenin durumu kendisinin nasıl gördüğünü",
            "ar", "اسأل أولًا كيف ترى الأسرة", "pl", "Najpierw zapytaj, jak rodzina sama widzi sytuację");
    private static final Map<String, String> LOOK_BACK = Map.of("nl", "Kijk na een gesprek met een gezin even terug",
            "en", "look back for a moment", "tr", "kısaca geri dönüp düşünün", "ar", "راجع نفسك قليلًا",
            "pl", "zastanów się przez chwilę");
    private static final Map<String, String> PLAIN_WORDS = Map.of("nl", "in korte zinnen en gewone woorden",
            "en", "short sentences and everyday words", "tr", "cümleler ve günlük kelimeler kullanın",
            "ar", "جملًا قصيرة وكلمات بسيطة", "pl", "krótkimi zdaniami i prostymi słowami");
    private static final Map<String, String> PRACTICAL = Map.of("nl", "Help waar nodig eerst praktisch",
            "en", "help in practical ways first", "tr", "önce pratik yardımda bulunun", "ar", "ساعد أولًا مساعدةً عملية",
            "pl", "najpierw pomóż praktycznie");
    private static final Map<String, String> TIME = Map.of("nl", "Neem bewust extra tijd om een band op te bouwen",
            "en", "Deliberately take extra time to build a bond", "tr", "bir bağ kurmak için bilinçli olarak fazladan zaman ayırın",
            "ar", "خصّص عن قصد وقتًا إضافيًا لبناء علاقة ثقة", "pl", "Świadomie poświęć więcej czasu na zbudowanie więzi");
    private static final Map<String, String> STORY = Map.of("nl", "Neem de tijd om te horen", "en", "Take the time to hear",
            "tr", "Ailenin nereden geldiğini", "ar", "خصّص وقتًا لتسمع", "pl", "Znajdź czas, żeby usłyszeć");
    private static final Map<String, String> TOGETHER = Map.of("nl", "keur het dan niet af", "en", "do not disapprove",
            "tr", "onaylamamak yerine", "ar", "فلا ترفضها", "pl", "nie odrzucaj tego");
    private static final Map<String, String> LIMIT = Map.of("nl", "Meldcode", "en", "Meldcode", "tr", "Meldcode",
            "ar", "بروتوكول الإبلاغ", "pl", "Meldcode");

    /** A tip's text on one line (the texts wrap in the locale files). */
    private static String text(FlowWalk walk, String tip) {
        return tip(walk, tip).text().replaceAll("\\s+", " ");
    }

    /** Every tip's words on one line. */
    private static String allTips(FlowWalk walk) {
        StringBuilder all = new StringBuilder();
        walk.result().tips().forEach(t -> all.append(t.title()).append(' ').append(t.text()).append(' '));
        return all.toString().replaceAll("\\s+", " ");
    }

    /**
     * A tip never tells the professional to do what they just said they do (the research probe): "Help waar nodig eerst
     * praktisch" stood beside a 5 on helping practically first, in the tip a 1 on extra time had brought; "Vraag eerst
     * hoe het gezin zelf naar de situatie kijkt" beside a 5 on that curiosity, brought by a 2 on one's own frame; "Praat
     * in korte zinnen" beside a 5 on adjusting one's language, brought by a 1 on winning trust. Each weak answer brings
     * the tip on its own practice; the practice answered at its best is absent, in every language.
     */
    @Test
    void aPracticeReportedAtItsBestIsNotRecommended() {
        Map<String, Object> time = strongest();
        time.put("werkwijze_tijd", 1);
        Map<String, Object> frame = strongest();
        frame.put("houding_eigen_kader", 2);
        Map<String, Object> trust = strongest();
        trust.put("vaardig_vertrouwen", 1);
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, time);
            assertEquals(List.of("werkwijze_band"), walk.tipIds(), language);
            assertTrue(text(walk, "werkwijze_band").contains(TIME.get(language)), language + ": " + text(walk, "werkwijze_band"));
            assertFalse(allTips(walk).contains(PRACTICAL.get(language)), language + ": " + allTips(walk));

            walk = walk(language, frame);
            assertEquals(List.of("houding_terugkijken"), walk.tipIds(), language);
            assertTrue(text(walk, "houding_terugkijken").contains(LOOK_BACK.get(language)), language);
            assertFalse(allTips(walk).contains(CURIOUS.get(language)), language + ": " + allTips(walk));

            walk = walk(language, trust);
            assertEquals(List.of("vaardigheden_vertrouwen"), walk.tipIds(), language);
            assertFalse(allTips(walk).contains(PLAIN_WORDS.get(language)), language + ": " + allTips(walk));
        }
    }

    /**
     * The other way round: a weak answer on a practice brings its sentence, beside the strongest answers elsewhere and
     * in a part with a low score, where a 3 or "weet ik niet" on the practice is enough.
     */
    @Test
    void aPracticeAnsweredWeaklyIsRecommended() {
        Map<String, String> sentence = Map.of("werkwijze_eigen_kracht", "PRACTICAL", "houding_nieuwsgierig", "CURIOUS",
                "vaardig_taalniveau", "PLAIN_WORDS");
        Map<String, Map<String, String>> words = Map.of("PRACTICAL", PRACTICAL, "CURIOUS", CURIOUS, "PLAIN_WORDS", PLAIN_WORDS);
        for (String language : LANGUAGES) {
            for (Map.Entry<String, String> e : sentence.entrySet()) {
                Map<String, Object> script = strongest();
                script.put(e.getKey(), 2);
                String said = words.get(e.getValue()).get(language);
                assertTrue(allTips(walk(language, script)).contains(said), language + " " + e.getKey() + ": " + said);
            }
        }
        // a low way of working (20 of 100): a 3 on practical help first brings it, and "weet ik niet" on what one does
        // when a parent does things differently brings looking together, with the safety limit
        Map<String, Object> low = strongest();
        low.put("werkwijze_tijd", 1);
        low.put("werkwijze_achtergrond", List.of("jaren"));
        low.put("werkwijze_alternatieven", DONT_KNOW);
        low.put("werkwijze_eigen_kracht", 3);
        // 0 + 1 + 2 of 13 points ("weet ik niet" counts on neither side)
        assertEquals(23, scores(walk("nl", low)).get("werkwijze"));
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, low);
            assertEquals(List.of("werkwijze_band", "werkwijze_verhaal", "werkwijze_samen", "werkwijze_praktisch"), walk.tipIds(), language);
            String all = allTips(walk);
            for (Map<String, String> practice : List.of(TIME, STORY, TOGETHER, LIMIT, PRACTICAL)) {
                assertTrue(all.contains(practice.get(language)), language + ": " + practice.get(language) + " in " + all);
            }
        }
    }

    /**
     * In the same low way of working, what was reported at its best is left out: "we zoeken samen een aanpak" chosen
     * (it read "Keur een andere aanpak niet af" beside it), all five things asked about a family's story, a 4 on
     * practical help first. Only the practice still to grow on, extra time, has its tip.
     */
    @Test
    void aLowPartLeavesOutThePracticesReportedAtTheirBest() {
        Map<String, Object> low = strongest();
        low.put("werkwijze_tijd", 1);
        low.put("werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"));
        low.put("werkwijze_alternatieven", "samen_zoeken");
        low.put("werkwijze_eigen_kracht", 4);
        // 0 + 5 + 2 + 3 of 15 points: a 1 on time alone does not make the part low
        assertEquals(67, scores(walk("nl", low)).get("werkwijze"));
        Map<String, Object> lower = new LinkedHashMap<>(low);
        lower.put("werkwijze_achtergrond", List.of("jaren"));
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, lower);
            // 0 + 1 + 2 + 3 of 15: low
            assertEquals(40, scores(walk).get("werkwijze"), language);
            assertEquals(List.of("werkwijze_band", "werkwijze_verhaal"), walk.tipIds(), language);
            String all = allTips(walk);
            assertFalse(all.contains(TOGETHER.get(language)) || all.contains(LIMIT.get(language)), language + ": " + all);
            assertFalse(all.contains(PRACTICAL.get(language)), language + ": " + all);
        }
        Map<String, Object> told = new LinkedHashMap<>(lower);
        told.put("werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"));
        told.put("werkwijze_alternatieven", DONT_KNOW);
        told.put("werkwijze_eigen_kracht", 1);
        // 0 + 5 + 0 of 13: low, and the family's story, asked in full, gets no tip
        FlowWalk walk = walk("nl", told);
        assertEquals(List.of("werkwijze_band", "werkwijze_samen", "werkwijze_praktisch"), walk.tipIds());
        assertFalse(allTips(walk).contains(STORY.get("nl")), allTips(walk));
    }

    /**
     * "Daar weet ik weinig van" on communication styles brought "Lees je in over wat migratie ... doet" beside a 5 on
     * knowing that, and did not name communication at all: the tip now offers the three topics to choose the least
     * known from, communication among them, in every language.
     */
    @Test
    void theKnowledgeTipNamesWhatBroughtIt() {
        Map<String, String> communication = Map.of("nl", "hoe mensen in verschillende culturen communiceren",
                "en", "how people in different cultures communicate", "tr", "farklı kültürlerde insanların nasıl iletişim kurduğu",
                "ar", "كيف يتواصل الناس في الثقافات المختلفة", "pl", "jak ludzie w różnych kulturach się porozumiewają");
        Map<String, Object> script = strongest();
        script.put("kennis_communicatie", "weinig");
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, script);
            assertEquals(List.of("kennis_verdiepen"), walk.tipIds(), language);
            assertTrue(text(walk, "kennis_verdiepen").contains(communication.get(language)), language + ": " + text(walk, "kennis_verdiepen"));
        }
        assertTrue(text(walk("nl", script), "kennis_verdiepen").startsWith("Kies uit deze drie het onderwerp waar jij het minst van weet"));
    }

    /**
     * The team report: a team whose weakest part is one of these gets every tip of the part (dashboard.TeamAdvice reads
     * the rules on the part's low score), so the team reads every practice, including the ones a person can be spared.
     */
    @Test
    void aTeamWhoseWeakestPartItIsGetsEveryPracticeOfThePart() {
        var flow = walk("nl", strongest()).flow();
        Map<String, List<String>> team = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> team.put(d, nl.samenspraak.dashboard.TeamAdvice.forDimension(flow, d).stream()
                .map(nl.samenspraak.flow.AdviceRule::id).toList()));
        assertEquals(List.of("houding_open", "houding_terugkijken", "houding_waakzaam"), team.get("houding"));
        assertEquals(List.of("vaardigheden_vertrouwen", "vaardigheden_taal"), team.get("vaardigheden"));
        assertEquals(List.of("werkwijze_band", "werkwijze_verhaal", "werkwijze_samen", "werkwijze_praktisch"), team.get("werkwijze"));
        assertEquals(List.of("kennis_verdiepen"), team.get("kennis"));
        assertEquals(List.of("netwerk_versterken", "ruimte_vragen", "team_leren"), team.get("netwerk"));
    }

    /** A sentence of each network practice in each language. */
    private static final Map<String, String> ROOM = Map.of("nl", "Bespreek met je leidinggevende hoeveel ruimte je daarvoor krijgt",
            "en", "Discuss with your manager how much room you get for this", "tr", "ne kadar imkân tanındığını",
            "ar", "إلى أي حد يُتاح لك ذلك", "pl", "ile masz na to możliwości");
    private static final Map<String, String> LEARN_TOGETHER = Map.of("nl", "in het team van elkaar te leren",
            "en", "learn from each other in the team", "tr", "Ekipte birbirinizden öğrenmek için",
            "ar", "ليتعلم أعضاء الفريق بعضهم من بعض", "pl", "wzajemne uczenie się w zespole");

    /**
     * Room in one's job and learning in the team are two practices: one tip for both said "Vraag ook om tijd om in het
     * team van elkaar te leren" beside a 5 on learning in the team, brought by a 1 on room (the research probe), and the
     * other way round. Each brings its own tip, and the practice answered at its best is not recommended, in every
     * language; in a low network part a 3 is enough.
     */
    @Test
    void roomInOnesJobAndLearningInTheTeamAreTipsOfTheirOwn() {
        Map<String, Object> room = strongest();
        room.put("netwerk_ruimte", 1);
        Map<String, Object> team = strongest();
        team.put("netwerk_team", 1);
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, room);
            assertEquals(List.of("ruimte_vragen"), walk.tipIds(), language);
            assertTrue(allTips(walk).contains(ROOM.get(language)), language + ": " + allTips(walk));
            assertFalse(allTips(walk).contains(LEARN_TOGETHER.get(language)), language + ": " + allTips(walk));

            walk = walk(language, team);
            assertEquals(List.of("team_leren"), walk.tipIds(), language);
            assertTrue(allTips(walk).contains(LEARN_TOGETHER.get(language)), language + ": " + allTips(walk));
            assertFalse(allTips(walk).contains(ROOM.get(language)), language + ": " + allTips(walk));
        }
        // a low network part (no key persons, few places): a 3 on room brings its tip, a 5 on the team keeps its away
        Map<String, Object> low = strongest();
        low.put("netwerk_sleutelpersonen", "nog_niet");
        low.put("netwerk_vindplaatsen", 1);
        low.put("netwerk_ruimte", 3);
        FlowWalk walk = walk("nl", low);
        assertEquals("Hier valt het meest te winnen.", walk.result().scores().get("netwerk").label());
        assertEquals(List.of("netwerk_versterken", "ruimte_vragen"), walk.tipIds());
    }

    /**
     * "Je bent op weg" for a middle profile gave as examples asking about the migration story, going to a migrant
     * organisation and discussing a case with a colleague, which could stand beside all five things asked about a
     * family's story, "Ja, regelmatig" on migrant organisations and a 5 on learning in the team. It now names no
     * practice: it points to the lowest answer of the lowest part, in every language.
     */
    @Test
    void theNextStepNamesNoPracticeReportedAtItsBest() {
        Map<String, Object> script = middling();
        script.put("werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"));
        script.put("netwerk_sleutelpersonen", "regelmatig");
        script.put("netwerk_team", 5);
        Map<String, List<String>> examples = Map.of(
                "nl", List.of("migratieverhaal", "migrantenorganisatie", "casus"),
                "en", List.of("migration story", "migrant organisation", "case"),
                "tr", List.of("göç hikâye", "göçmen kuruluş", "vaka"),
                "ar", List.of("قصة هجرتها", "منظمة", "حالة صعبة"),
                "pl", List.of("historię migracji", "organizacji migrantów", "przypadek"));
        Map<String, String> lowestAnswer = Map.of("nl", "de vraag waarop je het laagst antwoordde",
                "en", "the question in it where your answer was lowest", "tr", "en düşük cevabı verdiğiniz soruyu",
                "ar", "السؤال الذي كانت إجابتك عنه الأدنى", "pl", "pytanie z twoją najniższą odpowiedzią");
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, script);
            assertEquals(List.of("op_weg"), walk.tipIds(), language);
            String text = text(walk, "op_weg");
            examples.get(language).forEach(example -> assertFalse(text.contains(example), language + ": " + text));
            assertTrue(text.contains(lowestAnswer.get(language)), language + ": " + text);
        }
    }

    /** A question as the reader's language words it, as a tip's "why" quotes it. */
    private static String question(String language, String step) {
        return FlowWalk.library().translations().flowText(language, FLOW, "steps." + step + ".text").replaceAll("\\s+", " ").trim();
    }

    /**
     * "Waarom deze tip" of each way-of-working tip quotes the answer on its own practice, and not the answers on the
     * part's other practices, which have tips of their own: the four tips of a low part each quoted the part's three
     * weakest answers, and the tip on the family's story quoted time and practical help, never what the person asks a
     * family about (the research probe). In every language.
     */
    @Test
    void eachWayOfWorkingTipSaysWhyWithTheAnswerOnItsOwnPractice() {
        Map<String, Object> low = strongest();
        low.put("werkwijze_tijd", 1);
        low.put("werkwijze_achtergrond", List.of("jaren"));
        low.put("werkwijze_alternatieven", DONT_KNOW);
        low.put("werkwijze_eigen_kracht", 3);
        Map<String, String> practice = new LinkedHashMap<>();
        practice.put("werkwijze_band", "werkwijze_tijd");
        practice.put("werkwijze_verhaal", "werkwijze_achtergrond");
        practice.put("werkwijze_samen", "werkwijze_alternatieven");
        practice.put("werkwijze_praktisch", "werkwijze_eigen_kracht");
        Map<String, String> howLong = Map.of("nl", "Hoe lang ze al in Nederland wonen", "en", "How long they have lived in the Netherlands",
                "tr", "Ne zamandır Hollanda", "ar", "منذ متى يعيشون في هولندا", "pl", "Jak długo mieszkają w Holandii");
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, low);
            assertEquals(List.copyOf(practice.keySet()), walk.tipIds(), language);
            practice.forEach((tip, own) -> {
                String why = tip(walk, tip).why().replaceAll("\\s+", " ");
                assertTrue(why.contains(question(language, own)), language + " " + tip + ": " + why);
                practice.values().stream().filter(other -> !other.equals(own)).forEach(other ->
                        assertFalse(why.contains(question(language, other)), language + " " + tip + " quotes " + other + ": " + why));
            });
            assertTrue(tip(walk, "werkwijze_verhaal").why().contains(howLong.get(language)), language + ": " + tip(walk, "werkwijze_verhaal").why());
        }
    }

    /** A word about prejudice in each language (in the tips, not the question). */
    private static final Map<String, String> PREJUDICE = Map.of("nl", "vooroorde", "en", "prejudice", "tr", "önyargı",
            "ar", "مسبق", "pl", "uprzedze");

    /**
     * Looking back on one's own frame and watching for prejudice are two practices: the tip a 2 on one's own frame
     * brought asked "speelde er een vooroordeel mee?" beside "Ja, daar let ik bewust op" (the research probe). The
     * frame's tip now says the frame alone; "soms" on prejudice in a low part brings a tip of its own, which a 4 on
     * the frame does not turn into advice on the frame. In every language.
     */
    @Test
    void theTipOnOnesFrameDoesNotAskForTheWatchfulnessThePersonReported() {
        Map<String, Object> frame = strongest();
        frame.put("houding_eigen_kader", 2);
        // a low attitude part (20 of 100) with "bewust" on prejudice
        Map<String, Object> low = strongest();
        low.put("houding_nieuwsgierig", 1);
        low.put("houding_eigen_kader", 1);
        // a low part (40) with "soms" on prejudice and a 4 on one's own frame
        Map<String, Object> sometimes = strongest();
        sometimes.put("houding_nieuwsgierig", 1);
        sometimes.put("houding_eigen_kader", 4);
        sometimes.put("houding_vooroordelen", "soms");
        assertEquals(40, scores(walk("nl", sometimes)).get("houding"));
        for (String language : LANGUAGES) {
            FlowWalk walk = walk(language, frame);
            assertEquals(List.of("houding_terugkijken"), walk.tipIds(), language);
            assertTrue(text(walk, "houding_terugkijken").contains(LOOK_BACK.get(language)), language);
            assertFalse(allTips(walk).contains(PREJUDICE.get(language)), language + ": " + allTips(walk));

            walk = walk(language, low);
            assertEquals(List.of("houding_open", "houding_terugkijken"), walk.tipIds(), language);
            assertFalse(allTips(walk).contains(PREJUDICE.get(language)), language + ": " + allTips(walk));

            walk = walk(language, sometimes);
            assertEquals(List.of("houding_open", "houding_waakzaam"), walk.tipIds(), language);
            assertTrue(allTips(walk).contains(PREJUDICE.get(language)), language + ": " + allTips(walk));
            assertFalse(allTips(walk).contains(LOOK_BACK.get(language)), language + ": " + allTips(walk));
            assertTrue(tip(walk, "houding_waakzaam").why().contains(question(language, "houding_vooroordelen")),
                    language + ": " + tip(walk, "houding_waakzaam").why());
        }
    }

    /** The words of a text, lower case, without punctuation (an Arabic word keeps its vowel marks). */
    private static List<String> words(String text) {
        return List.of(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    /**
     * No two tips on one result say the same thing in the same words: "Vraag een collega met een andere achtergrond
     * wat hem of haar opvalt" closed the red flag on prejudice and stood in the knowledge tip beside it, so the weakest
     * answers read it twice. Checked as six words in a row, for the weakest answers and for weak answers without red
     * flags, in every language.
     */
    @Test
    void noTwoTipsOnOneResultRepeatAPassage() {
        final int run = 6;
        Map<String, Object> noFlags = weakest();
        noFlags.put("houding_vooroordelen", "soms");
        noFlags.put("werkwijze_alternatieven", DONT_KNOW);
        noFlags.put("werkwijze_achtergrond", List.of("jaren"));
        noFlags.put("vaardig_tolk", "tolk");
        for (String language : LANGUAGES) {
            for (Map<String, Object> script : List.of(weakest(), noFlags)) {
                FlowWalk walk = walk(language, script);
                assertTrue(walk.tipIds().contains("kennis_verdiepen"), walk.tipIds().toString());
                Map<String, String> seen = new HashMap<>();
                for (Result.Tip tip : walk.result().tips()) {
                    List<String> w = words(tip.title() + " " + tip.text());
                    java.util.Set<String> mine = new java.util.HashSet<>();
                    for (int i = 0; i + run <= w.size(); i++) {
                        mine.add(String.join(" ", w.subList(i, i + run)));
                    }
                    for (String passage : mine) {
                        String other = seen.putIfAbsent(passage, tip.id());
                        assertTrue(other == null, language + ": \"" + passage + "\" in " + other + " and " + tip.id());
                    }
                }
            }
        }
    }
}
