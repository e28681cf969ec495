package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of mistake an author can make in a flow or its texts is reported with the file and line to
 * open, and all of them at once, never as a stack trace.
 */
class FlowValidationTest {
    private static final String LANGUAGE_NL = "name: Nederlands\ndirection: ltr\n";
    private static final String LANGUAGE_EN = "name: English\ndirection: ltr\n";
    private static final String MESSAGES = "answer:\n  yes: Ja\nerror:\n  scale: Kies van $min tot $max.\n";

    /** A small valid flow; each test breaks one thing in it. */
    private static final String FLOW = """
            id: proef
            languages: [nl, en]
            steps:
              - id: welkom
                type: info
                source: s
              - id: kleur
                type: choice
                options: [rood, blauw]
                next:
                  - if: "answers.kleur == 'rood'"
                    goto: waarom
                  - goto: end
                source: s
              - id: waarom
                type: text
                source: s
            """;
    private static final String TEXTS_NL = """
            title: Proef
            description: Een proef.
            steps:
              welkom:
                text: Welkom.
              kleur:
                text: Welke kleur?
                options:
                  rood: Rood
                  blauw: Blauw
              waarom:
                text: Waarom $answers.kleur?
            """;
    private static final String TEXTS_EN = TEXTS_NL.replace("Proef", "Trial").replace("Een proef.", "A trial.")
            .replace("Welkom.", "Welcome.").replace("Welke kleur?", "Which colour?").replace("Rood", "Red")
            .replace("Blauw", "Blue").replace("Waarom", "Why");

    private static FlowLibrary load(String flow, String textsNl, String textsEn) {
        Map<String, String> locales = new HashMap<>();
        locales.put("locales/nl/language.yaml", LANGUAGE_NL);
        locales.put("locales/nl/messages.yaml", MESSAGES);
        locales.put("locales/nl/flows/proef.yaml", textsNl);
        locales.put("locales/en/language.yaml", LANGUAGE_EN);
        locales.put("locales/en/messages.yaml", MESSAGES);
        locales.put("locales/en/flows/proef.yaml", textsEn);
        return new FlowLibraryLoader(new TextRenderer()).load(Map.of("flows/proef.yaml", flow), locales);
    }

    private static List<String> problems(String flow) {
        return problems(flow, TEXTS_NL, TEXTS_EN);
    }

    private static List<String> problems(String flow, String textsNl, String textsEn) {
        InvalidFlowsException e = assertThrows(InvalidFlowsException.class, () -> load(flow, textsNl, textsEn));
        return e.problems().stream().sorted().map(Problem::toString).toList();
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.contains(expected), "expected\n  " + expected + "\namong\n  " + String.join("\n  ", problems));
    }

    @Test
    void theUnbrokenFlowLoads() {
        FlowLibrary library = load(FLOW, TEXTS_NL, TEXTS_EN);
        assertEquals(List.of("nl", "en"), library.flow("proef").orElseThrow().languages());
    }

    @Test
    void aFlowMayRaiseItsMinimumGroupSizeWithAWholeNumber() {
        assertEquals(null, load(FLOW, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().minimumGroupSize(), "none: the service's");
        String ten = FLOW.replace("languages: [nl, en]", "languages: [nl, en]\nminimumGroupSize: 10");
        assertEquals(10, load(ten, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().minimumGroupSize());
        for (String wrong : List.of("0", "2.5", "veel")) {
            List<String> problems = problems(FLOW.replace("languages: [nl, en]", "languages: [nl, en]\nminimumGroupSize: " + wrong));
            assertTrue(problems.stream().anyMatch(p -> p.contains("minimumGroupSize")), wrong + ": " + problems);
        }
    }

    /** A voice message answers only a text step (issue 13): said where else it is written. */
    @Test
    void onlyATextStepTakesAVoiceMessage() {
        String spoken = FLOW.replace("type: text\n", "type: text\n    voice: true\n");
        assertTrue(spoken.contains("voice: true"), "the flow under test has it");
        nl.samenspraak.flow.Flow flow = load(spoken, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow();
        assertTrue(flow.requireStep("waarom").voice());
        assertFalse(flow.requireStep("kleur").voice(), "not unless the flow says so");
        List<String> problems = problems(FLOW.replace("type: choice\n", "type: choice\n    voice: true\n"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("step 'kleur': only a text step can take a voice message")), problems.toString());
    }

    @Test
    void theAudienceIsATypeReadAtLoadAndAnUnknownOneIsReported() {
        assertEquals(nl.samenspraak.flow.Audience.PROFESSIONAL, load(FLOW, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().audience(),
                "none said: a professional");
        assertEquals(nl.samenspraak.flow.Audience.RESIDENT, load(asked("resident", ""), withConsentText(TEXTS_NL),
                withConsentText(TEXTS_EN)).flow("proef").orElseThrow().audience());
        assertReported(problems(FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\naudience: bewoner\n")),
                "flows/proef.yaml:3: audience is professional, resident, client, organisation, not 'bewoner'");
    }

    /** {@link #FLOW} for {@code audience}, with {@code dashboard} (a line, or nothing) and a consent step after the welcome. */
    private static String asked(String audience, String dashboard) {
        return FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\naudience: " + audience + "\n" + dashboard)
                .replace("  - id: kleur\n", "  - id: mag_het\n    type: yesno\n    consent: true\n    source: s\n  - id: kleur\n");
    }

    private static String withConsentText(String texts) {
        return texts.replace("  kleur:\n", "  mag_het:\n    text: Mag het?\n  kleur:\n");
    }

    /**
     * A resident or a client (asked by an intermediair) says yes before anything is kept, and their conversation is
     * never shown to a manager in full: an uploaded resident form without a consent step and with "dashboard: record"
     * stored from the first answer and showed each resident's answers, dated, to every manager of the team.
     */
    @Test
    void aResidentOrClientFlowAsksConsentAndIsNoRecord() {
        for (String audience : List.of("resident", "client")) {
            assertReported(problems(FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\naudience: " + audience + "\n")),
                    "flows/proef.yaml:3: residents and clients give their consent first: put a step with consent (yes or no)"
                            + " before the first question, because nothing is kept before their yes");
            List<String> record = problems(asked(audience, "dashboard: record\n"), withConsentText(TEXTS_NL), withConsentText(TEXTS_EN));
            assertEquals(1, record.size(), record.toString());
            assertTrue(record.get(0).startsWith("flows/proef.yaml:4: dashboard: record shows every conversation in full"), record.toString());
            for (String dashboard : List.of("dashboard: anonymous\n", "dashboard: none\n", "")) {
                load(asked(audience, dashboard), withConsentText(TEXTS_NL), withConsentText(TEXTS_EN));
            }
        }
        load(FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\naudience: organisation\ndashboard: record\n"),
                TEXTS_NL, TEXTS_EN); // the topiclijst: a team's record of itself, no consent asked
        // nor a professional's reflection: it reached no team, and its preview said the managers read it in full
        List<String> professional = problems(FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\ndashboard: record\n"));
        assertEquals(1, professional.size(), professional.toString());
        assertTrue(professional.get(0).startsWith("flows/proef.yaml:3: dashboard: record shows every conversation"), professional.toString());
    }

    @Test
    void retentionIsReadWithItsDefaultsAndABadDurationIsReported() {
        nl.samenspraak.flow.Retention none = load(FLOW, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().retention();
        assertEquals(java.time.Duration.ofDays(30), none.unfinished());
        assertEquals(null, none.finished(), "finished conversations are kept unless the flow says");
        String kept = FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\nretention:\n  unfinished: 7d\n  finished: 14d\n  result: none\n");
        nl.samenspraak.flow.Retention r = load(kept, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().retention();
        assertEquals(java.time.Duration.ofDays(7), r.unfinished());
        assertEquals(java.time.Duration.ofDays(14), r.finished());
        assertEquals(false, r.resultByCode());
        assertReported(problems(FLOW.replace("languages: [nl, en]\n", "languages: [nl, en]\nretention:\n  unfinished: a month\n")),
                "flows/proef.yaml:4: a duration like 30d or 12h was expected, not 'a month'");
    }

    @Test
    void unknownStepType() {
        assertReported(problems(FLOW.replace("type: text", "type: tekst")),
                "flows/proef.yaml:16: unknown step type 'tekst' (known: info, choice, multi, scale, yesno, text, number, date)");
    }

    @Test
    void duplicateStepId() {
        assertReported(problems(FLOW.replace("id: waarom", "id: kleur")), "flows/proef.yaml:15: duplicate step id 'kleur'");
    }

    @Test
    void referenceToAMissingStep() {
        assertReported(problems(FLOW.replace("goto: waarom", "goto: waaromm")),
                "flows/proef.yaml:12: step 'kleur' leads to missing step 'waaromm'");
    }

    @Test
    void stepUnreachableFromTheStart() {
        String flow = FLOW.replace("goto: waarom", "goto: end");
        assertReported(problems(flow), "flows/proef.yaml:15: step 'waarom' can never be reached from the start");
    }

    /**
     * What the parser and the checker find is worded by a message key with its values: English here (the log, {@code validate}),
     * and in its reader's language where a page says it (a spreadsheet refused on the admin page).
     */
    @Test
    void theParsersAndCheckersProblemsCarryTheirMessageKeyAndValues() {
        InvalidFlowsException e = assertThrows(InvalidFlowsException.class,
                () -> load(FLOW.replace("goto: waarom", "goto: end"), TEXTS_NL, TEXTS_EN));
        Problem unreachable = e.problems().stream().filter(p -> "flowcheck.unreachable".equals(p.key())).findFirst().orElseThrow();
        assertEquals(Map.of("step", "waarom"), unreachable.args());
        assertEquals("step 'waarom' can never be reached from the start", unreachable.message());
        assertEquals("stap 'waarom' is vanaf het begin nooit te bereiken",
                nl.samenspraak.flow.load.BundledMessages.words().render("nl", unreachable.key(), unreachable.args()));
        InvalidFlowsException parsed = assertThrows(InvalidFlowsException.class,
                () -> load(FLOW.replace("id: waarom", "id: kleur"), TEXTS_NL, TEXTS_EN));
        Problem twice = parsed.problems().stream().filter(p -> "flowparse.step_twice".equals(p.key())).findFirst().orElseThrow();
        assertEquals("duplicate step id 'kleur'", twice.message(), "the parser's English as it always was");
        assertEquals("de stap-id 'kleur' komt twee keer voor",
                nl.samenspraak.flow.load.BundledMessages.words().render("nl", twice.key(), twice.args()));
        assertTrue(parsed.problems().stream().allMatch(p -> p.key() != null), "every problem is worded: " + parsed.problems());
    }

    @Test
    void loopWithNoWayOut() {
        String flow = FLOW + "    next: kleur\n";
        List<String> problems = problems(flow.replace("  - goto: end", "  - goto: welkom"));
        assertReported(problems, "flows/proef.yaml:4: step 'welkom' is in a loop with no way out: from here the flow can never end");
        assertReported(problems, "flows/proef.yaml:15: step 'waarom' is in a loop with no way out: from here the flow can never end");
    }

    @Test
    void aLoopWithAWayOutIsFine() {
        String flow = FLOW.replace("  - goto: end", "  - goto: welkom") + "    next: end\n";
        load(flow, TEXTS_NL, TEXTS_EN);
    }

    @Test
    void expressionThatDoesNotParse() {
        List<String> problems = problems(FLOW.replace("answers.kleur == 'rood'", "answers.kleur == = 'rood'"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("flows/proef.yaml:11: condition 'answers.kleur == = 'rood'' does not parse"), problems.get(0));
    }

    @Test
    void expressionNamingAnUnknownStep() {
        assertReported(problems(FLOW.replace("answers.kleur == 'rood'", "answers.kluer == 'rood'")),
                "flows/proef.yaml:11: condition 'answers.kluer == 'rood'' names unknown step 'kluer'");
    }

    @Test
    void optionWithoutALabel() {
        assertReported(problems(FLOW.replace("[rood, blauw]", "[rood, blauw, groen]")),
                "flows/proef.yaml:9: option 'groen' of step 'kleur' has no label (steps.kleur.options.groen in locales/nl/flows/proef.yaml)");
    }

    @Test
    void aDeclaredLanguageMissingAText() {
        String en = TEXTS_EN.replace("    text: Why $answers.kleur?\n", "");
        assertReported(problems(FLOW, TEXTS_NL, en),
                "flows/proef.yaml:15: language 'en' misses text 'steps.waarom.text' (locales/en/flows/proef.yaml)");
    }

    /**
     * A flow may say where to go when someone is not safe ({@code safety:}); once its first language has that line,
     * every language needs its own (a Turkish result fell back to the Dutch line).
     */
    @Test
    void aSafetyLineIsTheFlowsChoiceButThenInEveryLanguage() {
        String nl = TEXTS_NL.replace("description: Een proef.\n", "description: Een proef.\nsafety: Niet veilig? Bel 112.\n");
        String en = TEXTS_EN.replace("description: A trial.\n", "description: A trial.\nsafety: Not safe? Call 112.\n");
        assertTrue(load(FLOW, nl, en).flow("proef").isPresent(), "a safety line in both languages is no orphan");
        assertReported(problems(FLOW, nl, TEXTS_EN), "flows/proef.yaml:1: language 'en' misses text 'safety' (locales/en/flows/proef.yaml)");
    }

    @Test
    void aTextForNothingInTheFlow() {
        String en = TEXTS_EN + "  weg:\n    text: Gone\n";
        assertReported(problems(FLOW, TEXTS_NL, en), "locales/en/flows/proef.yaml:14: text 'steps.weg.text' belongs to nothing in flows/proef.yaml");
    }

    @Test
    void aTemplateNamingAnUnknownReference() {
        String en = TEXTS_EN.replace("$answers.kleur", "$answers.colour");
        List<String> problems = problems(FLOW, TEXTS_NL, en);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("locales/en/flows/proef.yaml:12: text 'steps.waarom.text' does not render: unknown reference $answers.colour",
                problems.get(0));
    }

    /**
     * A tip may leave out a sentence another tip on the same result says ({@code #if(!$shown.b)}): a tip that is not
     * in the flow is a mistake the author hears of, like any unknown name, not a sentence that is always left out.
     */
    @Test
    void aTipTextMayAskWhetherAnotherTipIsShownButOnlyATipOfTheFlow() {
        String flow = FLOW + """
                advice:
                  - id: a
                    when: "answers.kleur == 'rood'"
                    source: s
                  - id: b
                    when: "answers.kleur == 'blauw'"
                    source: s
                """;
        String tips = "tips:\n  a:\n    title: A\n    text: Een.#if(!$shown.b) Twee.#end\n  b:\n    title: B\n    text: Drie.\n";
        assertTrue(load(flow, TEXTS_NL + tips, TEXTS_EN + tips).flow("proef").isPresent(), "a tip of the flow is fine");
        String unknown = tips.replace("$shown.b", "$shown.c");
        List<String> problems = problems(flow, TEXTS_NL + unknown, TEXTS_EN + tips);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("text 'tips.a.text' does not render: unknown reference $shown.c"), problems.get(0));
    }

    /**
     * A tip may be worded for the team's managers ({@code tips.<id>.team_title}, {@code tips.<id>.team}, shown on the
     * dashboard's summary and in the team report): optional, and checked as every text is. They were refused as texts
     * that belong to nothing, so no flow could have them, and a resident flow's summary showed its tips to a parent.
     */
    @Test
    void aTipMayBeWordedForTheTeamButOnlyATipOfTheFlow() {
        String flow = FLOW + """
                advice:
                  - id: a
                    when: "answers.kleur == 'rood'"
                    source: s
                """;
        String tips = "tips:\n  a:\n    title: A\n    text: Een.\n    team_title: Voor het team\n    team: Jullie doen dit.\n";
        FlowLibrary library = load(flow, TEXTS_NL + tips, TEXTS_EN + tips.replace("    team_title: Voor het team\n", ""));
        assertEquals("Voor het team", library.translations().flowText("nl", "proef", "tips.a.team_title"));
        String forNoTip = tips + "  b:\n    team: Niets.\n";
        List<String> problems = problems(flow, TEXTS_NL + forNoTip, TEXTS_EN + tips.replace("Jullie doen dit.", "$answers.colour"));
        assertReported(problems, "locales/nl/flows/proef.yaml:20: text 'tips.b.team' belongs to nothing in flows/proef.yaml");
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("text 'tips.a.team' does not render: unknown reference $answers.colour")),
                problems.toString());
    }

    /** Only a multi step has options that exclude the others; on any other step "exclusive" is a mistake, said. */
    @Test
    void anExclusiveOptionOnAYesNoOrChoiceStepIsSaid() {
        String yesNo = FLOW.replace("  - id: waarom\n    type: text", "  - id: waarom\n    type: yesno\n    options:\n"
                + "      - value: ja\n        exclusive: true");
        List<String> problems = problems(yesNo, TEXTS_NL, TEXTS_EN);
        assertTrue(problems.contains("flows/proef.yaml:18: step 'waarom': only the options of a multi step can be exclusive"),
                problems.toString());
        String choice = FLOW.replace("options: [rood, blauw]", "options: [rood, {value: blauw, exclusive: true}]");
        assertEquals(List.of("flows/proef.yaml:9: step 'kleur': only the options of a multi step can be exclusive"),
                problems(choice, TEXTS_NL, TEXTS_EN));
    }

    /**
     * A red flag ({@code flag: true}) is read onto its rule, and anything but true or false is said at its line (the
     * result's reading of the part depends on it, so a "ja" is no silent false).
     */
    @Test
    void anAdviceRuleMayBeARedFlagWrittenTrueOrFalse() {
        String flow = FLOW + """
                advice:
                  - id: a
                    when: "answers.kleur == 'rood'"
                    source: s
                    flag: true
                  - id: b
                    when: "answers.kleur == 'blauw'"
                    source: s
                """;
        String tips = "tips:\n  a:\n    title: A\n    text: Een.\n  b:\n    title: B\n    text: Twee.\n";
        nl.samenspraak.flow.Flow loaded = load(flow, TEXTS_NL + tips, TEXTS_EN + tips).flow("proef").orElseThrow();
        assertTrue(loaded.advice().get(0).flag());
        assertFalse(loaded.advice().get(1).flag(), "not unless the rule says so");
        assertEquals(List.of("flows/proef.yaml:22: 'flag' must be true or false"),
                problems(flow.replace("flag: true", "flag: ja"), TEXTS_NL + tips, TEXTS_EN + tips));
    }

    /** Each advice problem points at its own rule, also after a rule before it could not be read. */
    @Test
    void aRuleThatSuppressesAnUnknownRuleIsPointedAtItsOwnLine() {
        String flow = FLOW + """
                advice:
                  - id: a
                    source: s
                  - id: b
                    when: "answers.kleur == 'rood'"
                    source: s
                    suppresses: [c]
                """;
        List<String> problems = problems(flow, TEXTS_NL, TEXTS_EN);
        assertTrue(problems.contains("flows/proef.yaml:19: advice 'a' has no condition (when)"), problems.toString());
        assertTrue(problems.contains("flows/proef.yaml:21: advice 'b' suppresses 'c', which is no other advice rule of this flow"),
                problems.toString());
    }

    /** A broken #if is a different mistake from a misspelt name, and the checker says which it is. */
    @Test
    void aTemplateWithBrokenSyntax() {
        String en = TEXTS_EN.replace("$answers.kleur", "$answers.kleur#end"); // ("#if" after a space would be a YAML comment)
        List<String> problems = problems(FLOW, TEXTS_NL, en);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("locales/en/flows/proef.yaml:12: text 'steps.waarom.text' does not render: the template's syntax goes wrong"
                + " at '#end' (line 1, character 19 of the text)", problems.get(0));
        String cut = TEXTS_EN.replace("$answers.kleur?", "$answers.kleur#if("); // the text ends inside the #if
        assertEquals(List.of("locales/en/flows/proef.yaml:12: text 'steps.waarom.text' does not render: the text ends before an"
                + " #if, #foreach or bracket is closed (line 1, character 23 of the text)"), problems(FLOW, TEXTS_NL, cut));
    }

    /**
     * A flow's texts are words: an uploaded label with a link or a script in it reached managers' pages and residents'
     * chats as markup. A tag anywhere in a text is a problem; a "<" that opens no tag is not.
     */
    @Test
    void aTextWithMarkupIsAProblem() {
        String en = TEXTS_EN.replace("$answers.kleur?", "$answers.kleur? <a href=\"https://example.org\">here</a>");
        assertEquals(List.of("locales/en/flows/proef.yaml:12: text 'steps.waarom.text' holds HTML markup ('<a'):"
                + " a flow's texts are plain words, shown as they are written"), problems(FLOW, TEXTS_NL, en));
        String script = TEXTS_EN.replace("$answers.kleur?", "$answers.kleur? </b><script>");
        assertEquals(1, problems(FLOW, TEXTS_NL, script).size());
        assertEquals("Why $answers.kleur? (< 4 or 3 <4)", load(FLOW, TEXTS_NL, TEXTS_EN.replace("$answers.kleur?",
                "$answers.kleur? (< 4 or 3 <4)")).translations().flowText("en", "proef", "steps.waarom.text"), "no tag: loads");
        // hidden from the source by Velocity (a comment, an empty #if inside the tag): the security probe's link and redirect
        for (String hidden : List.of("<#**#a href=\"https://evil.example\">log in", "<#if(true)#{end}meta http-equiv=\"refresh\">")) {
            List<String> found = problems(FLOW, TEXTS_NL, TEXTS_EN.replace("$answers.kleur?", "$answers.kleur? " + hidden));
            assertTrue(found.stream().anyMatch(p -> p.contains("holds HTML markup")), hidden + ": " + found);
            // the comment that hides the tag is a problem of its own
            assertEquals(hidden.contains("#*") ? 2 : 1, found.size(), hidden + ": " + found);
        }
    }

    /**
     * A flow's texts carry no direction overrides or embeddings, nor an isolate left open: an uploaded spreadsheet's
     * question with a right-to-left override read backwards in every chat, and an isolate never closed turned the rest
     * of its line (found by the probe of issue 11's hostile inputs). What a person types has them dropped wherever it
     * is shown; a flow's text is refused, with its place, as markup is. A closed isolate (a Latin name inside Arabic)
     * is fine.
     */
    @Test
    void aTextWithADirectionOverrideOrAnOpenIsolateIsAProblem() {
        String override = TEXTS_EN.replace("$answers.kleur?", "\u202e$answers.kleur?");
        assertEquals(List.of("locales/en/flows/proef.yaml:12: text 'steps.waarom.text' holds a character that turns the"
                + " direction of the text (U+202E): a flow's texts are shown in the direction of their language"),
                problems(FLOW, TEXTS_NL, override));
        String open = TEXTS_EN.replace("$answers.kleur?", "$answers.kleur? \u2066x");
        assertEquals(1, problems(FLOW, TEXTS_NL, open).size(), "an isolate never closed");
        String stray = TEXTS_EN.replace("$answers.kleur?", "$answers.kleur? x\u2069");
        assertEquals(1, problems(FLOW, TEXTS_NL, stray).size(), "a close without an isolate");
        assertEquals("Why $answers.kleur? (\u2068Tarifit\u2069)", load(FLOW, TEXTS_NL, TEXTS_EN.replace("$answers.kleur?",
                "$answers.kleur? (\u2068Tarifit\u2069)")).translations().flowText("en", "proef", "steps.waarom.text"),
                "a closed isolate: loads");
    }

    @Test
    void aFlowMayWordASharedMessageItsOwnWayInOneLanguage() {
        String nl = TEXTS_NL + "messages:\n  error:\n    scale: Kiest u van $min tot $max.\n";
        FlowLibrary library = load(FLOW, nl, TEXTS_EN);
        assertEquals("Kiest u van $min tot $max.", library.translations().flowMessage("nl", "proef", "error.scale"));
        assertEquals("Kies van $min tot $max.", library.translations().message("nl", "error.scale"), "other flows keep the shared text");
    }

    @Test
    void aFlowsOwnWordingMustBeOfAnExistingMessageWithItsReferences() {
        String nl = TEXTS_NL + "messages:\n  error:\n    scael: Kiest u.\n    scale: Kiest u van $laagste tot $max.\n";
        List<String> problems = problems(FLOW, nl, TEXTS_EN);
        assertEquals(List.of(
                "locales/nl/flows/proef.yaml:15: 'messages.error.scael' words a message that does not exist ('error.scael' is not in locales/nl/messages.yaml)",
                "locales/nl/flows/proef.yaml:16: 'messages.error.scale' names unknown reference $laagste"), problems);
    }

    @Test
    void yamlSyntaxErrorsNameTheirLineAndCharacter() {
        List<String> problems = problems(FLOW.replace("    options: [rood, blauw]", "    options: [rood, blauw"));
        // SnakeYAML names the line and character where it noticed the bracket was not closed
        assertEquals(List.of("flows/proef.yaml:10: YAML syntax at character 9: expected ',' or ']', but got :"), problems);
    }

    /**
     * A score dimension is read in conditions and kept with a team's agreed action (100 characters): one of 65
     * characters failed that action, not the flow; one with spaces could never be read. Each is a problem at its line.
     */
    @Test
    void aDimensionNamedOtherwiseThanAPartIsAProblemAtItsLine() {
        String long65 = "k" + "x".repeat(64);
        List<String> problems = problems(FLOW.replace("languages: [nl, en]",
                "languages: [nl, en]\ndimensions:\n  - kennis\n  - " + long65 + "\n  - Kennis en houding"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("flows/proef.yaml:5: ") && p.contains(long65)
                && p.contains("at most 64 characters")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("flows/proef.yaml:6: ") && p.contains("'Kennis en houding'")),
                problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("'kennis' must")), "a part's name is fine: " + problems);
    }

    /**
     * A conversation keeps the steps it passed in a column of 20,000 characters: a flow of more than 300 steps could
     * take a person past it, so it is refused at its 301st step; 300 load.
     */
    @Test
    void aFlowOfMoreStepsThanAConversationKeepsIsAProblemAtTheFirstTooMany() {
        assertEquals(List.of("flows/proef.yaml:904: a flow has at most 300 steps: this step is one too many"),
                problems(manySteps(301), manyTexts(301), manyTexts(301)));
        assertEquals(300, load(manySteps(300), manyTexts(300), manyTexts(300)).flow("proef").orElseThrow().steps().size());
    }

    private static String manySteps(int count) {
        StringBuilder flow = new StringBuilder("id: proef\nlanguages: [nl, en]\nsteps:\n");
        for (int i = 1; i <= count; i++) {
            flow.append("  - id: s").append(i).append("\n    type: info\n    source: s\n");
        }
        return flow.toString();
    }

    private static String manyTexts(int count) {
        StringBuilder texts = new StringBuilder("title: Proef\ndescription: Een proef.\nsteps:\n");
        for (int i = 1; i <= count; i++) {
            texts.append("  s").append(i).append(":\n    text: Stap ").append(i).append(".\n");
        }
        return texts.toString();
    }

    /**
     * A multi question keeps the options ticked so far, by number, in a Telegram chat's row (2,000 characters), and
     * nothing bounded how many a step may have: about 500 took a tap past the column (a 500). A step has at most 50
     * options, "weet ik niet" included, which a phone lists and Telegram's keyboard holds; the one too many is the
     * problem, at its line, in every language.
     */
    @Test
    void aStepOfMoreOptionsThanAPhoneShowsIsAProblemAtTheFirstTooMany() {
        assertEquals(List.of("flows/proef.yaml:61: step 'kleur' has at most 50 options: 'o51' is one too many"),
                problems(manyOptions(51, false), optionTexts(51), optionTexts(51)));
        assertEquals(List.of("flows/proef.yaml:9: step 'kleur' has at most 50 options: its \"don't know\" is one too many"),
                problems(manyOptions(50, true), optionTexts(50), optionTexts(50)));
        assertEquals(50, load(manyOptions(50, false), optionTexts(50), optionTexts(50)).flow("proef").orElseThrow()
                .step("kleur").orElseThrow().options().size());
        assertEquals(50, load(manyOptions(49, true), optionTexts(49), optionTexts(49)).flow("proef").orElseThrow()
                .step("kleur").orElseThrow().options().size(), "49 and don't know");
        for (String language : List.of("nl", "en", "ar", "pl", "tr")) {
            for (String key : List.of("flowparse.too_many_options", "flowparse.too_many_options_dont_know")) {
                String worded = BundledMessages.words().render(language, key, Map.of("step", "kleur", "max", 50, "option", "o51"));
                assertTrue(worded.contains("50") && worded.contains("kleur") && !worded.contains("$"), language + ": " + worded);
            }
        }
    }

    /** A multi step 'kleur' of {@code count} options o1, o2, ... (one a line from line 11), and "don't know" if asked. */
    private static String manyOptions(int count, boolean dontKnow) {
        StringBuilder flow = new StringBuilder("id: proef\nlanguages: [nl, en]\nsteps:\n  - id: welkom\n    type: info\n"
                + "    source: s\n  - id: kleur\n    type: multi\n" + (dontKnow ? "    dontKnow: true\n" : "    source: s\n")
                + "    options:\n");
        for (int i = 1; i <= count; i++) {
            flow.append("      - o").append(i).append('\n');
        }
        return flow + (dontKnow ? "    source: s\n" : "");
    }

    private static String optionTexts(int count) {
        StringBuilder texts = new StringBuilder("title: Proef\ndescription: Een proef.\nsteps:\n  welkom:\n    text: Welkom.\n"
                + "  kleur:\n    text: Welke?\n    options:\n");
        for (int i = 1; i <= count; i++) {
            texts.append("      o").append(i).append(": Optie ").append(i).append('\n');
        }
        return texts.toString();
    }

    /**
     * A text answer is stored as JSON in a column of 200,000 characters, and a flow's maxLength was bounded from below
     * only: with maxLength 300000 an answer of 200,001 letters passed the check and failed its storing (a 500). A text
     * step takes at most 20,000 characters; more is a problem at the step, in every language.
     */
    @Test
    void aTextLongerThanAnAnswerKeepsIsAProblem() {
        String flow = FLOW.replace("    type: text\n", "    type: text\n    maxLength: 20001\n");
        assertEquals(List.of("flows/proef.yaml:17: step 'waarom': maxLength must be from 1 to 20000"), problems(flow));
        assertEquals(20000, load(flow.replace("20001", "20000"), TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow()
                .step("waarom").orElseThrow().maxLength());
        assertEquals(List.of("flows/proef.yaml:17: step 'waarom': maxLength must be from 1 to 20000"),
                problems(flow.replace("20001", "0")), "as before: at least 1");
        for (String language : List.of("nl", "en", "ar", "pl", "tr")) {
            String worded = BundledMessages.words().render(language, "flowparse.max_length", Map.of("step", "waarom", "max", 20000));
            assertTrue(worded.contains("20000") && worded.contains("waarom"), language + ": " + worded);
        }
    }

    /** A step's id is stored with every answer: longer than 64 characters it is a problem, not a failing answer. */
    @Test
    void aStepIdLongerThanAnAnswerKeepsIsAProblem() {
        String long65 = "w" + "x".repeat(64);
        List<String> problems = problems(FLOW.replace("id: welkom", "id: " + long65), TEXTS_NL.replace("welkom:", long65 + ":"),
                TEXTS_EN.replace("welkom:", long65 + ":"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("flows/proef.yaml:4: ") && p.contains(long65)
                && p.contains("at most 64 characters")), problems.toString());
        String long64 = "w" + "x".repeat(63);
        assertTrue(load(FLOW.replace("id: welkom", "id: " + long64), TEXTS_NL.replace("welkom:", long64 + ":"),
                TEXTS_EN.replace("welkom:", long64 + ":")).flow("proef").orElseThrow().step(long64).isPresent(), "64 fit");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String broken = FLOW.replace("type: text", "type: tekst").replace("goto: waarom", "goto: nergens")
                .replace("source: s\n  - id: kleur", "source: ''\n  - id: kleur");
        List<String> problems = problems(broken);
        assertTrue(problems.size() >= 3, problems.toString());
        assertReported(problems, "flows/proef.yaml:4: step 'welkom' has no source (where in the seeds does it come from?)");
    }

    // --- the dashboard: how a flow appears to managers, and benchmark figures beside a question ---

    /** The flow with a benchmark on 'kleur' (figures out of a total), and its words in both languages. */
    private static final String BENCHMARK = """
                benchmark:
                  figures: {ja: 9, nee: 5, geen_zicht: 17}
                  of: 31
                  source: "002, r. 1307-1319"
            """;
    private static final String FLOW_WITH_BENCHMARK = FLOW.replace("    options: [rood, blauw]\n", "    options: [rood, blauw]\n" + BENCHMARK);
    private static final String BENCHMARK_NL = """
                benchmark:
                  text: Landelijke enquête, niet representatief.
                  figures:
                    ja: Ja
                    nee: Nee
                    geen_zicht: Geen zicht op
            """;
    private static final String BENCHMARK_EN = BENCHMARK_NL.replace("Landelijke enquête, niet representatief.",
            "National survey, not representative.").replace("Ja", "Yes").replace("Nee", "No").replace("Geen zicht op", "No view");

    private static String withBenchmarkTexts(String texts, String benchmark) {
        return texts.replaceFirst("(?m)^(      (?:blauw|Blue): .*\n)", "$1" + benchmark.replace("$", "\\$"));
    }

    @Test
    void aFlowAppearsInNoDashboardUnlessItSaysSo() {
        assertEquals(DashboardUse.NONE, load(FLOW, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().dashboard());
        assertEquals(DashboardUse.RECORD, load("audience: organisation\ndashboard: record\n" + FLOW, TEXTS_NL, TEXTS_EN).flow("proef")
                .orElseThrow().dashboard());
        assertEquals(DashboardUse.ANONYMOUS, load("dashboard: anonymous\n" + FLOW, TEXTS_NL, TEXTS_EN).flow("proef").orElseThrow().dashboard());
        assertReported(problems("dashboard: everyone\n" + FLOW), "flows/proef.yaml:1: dashboard is one of anonymous, record or none, not 'everyone'");
    }

    @Test
    void aBenchmarkWithItsWordsLoads() {
        FlowLibrary library = load(FLOW_WITH_BENCHMARK, withBenchmarkTexts(TEXTS_NL, BENCHMARK_NL), withBenchmarkTexts(TEXTS_EN, BENCHMARK_EN));
        Benchmark benchmark = library.flow("proef").orElseThrow().requireStep("kleur").benchmark();
        assertEquals(List.of("ja", "nee", "geen_zicht"), List.copyOf(benchmark.figures().keySet()));
        assertEquals(17.0, benchmark.figures().get("geen_zicht"));
        assertEquals(31.0, benchmark.of());
        assertEquals("002, r. 1307-1319", benchmark.source());
        assertEquals("No view", library.translations().flowText("en", "proef", "steps.kleur.benchmark.figures.geen_zicht"));
        assertEquals(null, library.flow("proef").orElseThrow().requireStep("waarom").benchmark());
    }

    @Test
    void aPercentageIsABenchmarkToo() {
        String flow = FLOW.replace("    options: [rood, blauw]\n", "    options: [rood, blauw]\n    benchmark: {percent: 58, source: 's'}\n");
        String nl = withBenchmarkTexts(TEXTS_NL, "    benchmark:\n      text: 58 procent wil steun.\n");
        String en = withBenchmarkTexts(TEXTS_EN, "    benchmark:\n      text: 58 percent want support.\n");
        assertEquals(58.0, load(flow, nl, en).flow("proef").orElseThrow().requireStep("kleur").benchmark().percent());
    }

    @Test
    void aBenchmarksWordsAreCheckedLikeEveryOtherText() {
        List<String> problems = problems(FLOW_WITH_BENCHMARK, withBenchmarkTexts(TEXTS_NL, BENCHMARK_NL),
                withBenchmarkTexts(TEXTS_EN, BENCHMARK_EN.replace("        geen_zicht: No view\n", "")));
        assertEquals(List.of("flows/proef.yaml:11: language 'en' misses text 'steps.kleur.benchmark.figures.geen_zicht' "
                + "(locales/en/flows/proef.yaml)"), problems);
        List<String> orphan = problems(FLOW, withBenchmarkTexts(TEXTS_NL, BENCHMARK_NL), TEXTS_EN);
        assertReported(orphan, "locales/nl/flows/proef.yaml:12: text 'steps.kleur.benchmark.text' belongs to nothing in flows/proef.yaml");
    }

    @Test
    void aBrokenBenchmarkNamesItsLineAndProblem() {
        String noSource = FLOW_WITH_BENCHMARK.replace("      source: \"002, r. 1307-1319\"\n", "");
        assertReported(problems(noSource), "flows/proef.yaml:11: step 'kleur': the benchmark has no source (where do its figures come from?)");
        assertReported(problems(FLOW_WITH_BENCHMARK.replace("of: 31", "of: 30")),
                "flows/proef.yaml:12: step 'kleur': the benchmark figures add up to more than 30");
        assertReported(problems(FLOW_WITH_BENCHMARK.replace("      of: 31\n", "")),
                "flows/proef.yaml:11: step 'kleur': benchmark figures need 'of', the number they are out of");
        assertReported(problems(FLOW_WITH_BENCHMARK.replace("nee: 5", "nee: veel")),
                "flows/proef.yaml:11: step 'kleur': benchmark figure 'nee' must be a number of at least 0");
        assertReported(problems(FLOW_WITH_BENCHMARK.replace("      of: 31\n", "      of: 31\n      percent: 20\n")),
                "flows/proef.yaml:11: step 'kleur': a benchmark has either figures (with of) or percent");
        assertReported(problems(FLOW_WITH_BENCHMARK.replace("      of: 31\n", "      of: 31\n      year: 2016\n")),
                "flows/proef.yaml:13: unknown benchmark key 'year'");
        String percent = FLOW.replace("    options: [rood, blauw]\n", "    options: [rood, blauw]\n    benchmark: {percent: 158, source: 's'}\n");
        assertReported(problems(percent), "flows/proef.yaml:10: step 'kleur': a percentage is from 0 to 100");
        String onInfo = FLOW.replace("    type: info\n", "    type: info\n    benchmark: {percent: 58, source: 's'}\n");
        assertReported(problems(onInfo), "flows/proef.yaml:6: step 'welkom': an info step asks nothing, so it has no benchmark");
    }
}
