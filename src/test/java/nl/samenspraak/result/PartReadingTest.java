package nl.samenspraak.result;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ResultSummary;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reading beside a part's score and the flag it carries, in a small flow as an author might upload it: attitude
 * from two questions, knowledge from one, a "well done" tip on a high answer and one on a high score, a tip on an
 * answer to improve and a red flag.
 */
class PartReadingTest {
    private static final String FLOW = """
            id: lof
            audience: professional
            languages: [nl]
            dimensions: [houding, kennis]
            bands: {middle: 50, high: 75}
            steps:
              - id: doorvragen
                type: scale
                min: 1
                max: 5
                dimension: houding
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
              - id: luisteren
                type: scale
                min: 1
                max: 5
                dimension: houding
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
              - id: kennis
                type: scale
                min: 1
                max: 5
                dimension: kennis
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
            advice:
              - id: goed_bezig
                when: "answers.doorvragen >= 4"
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
              - id: kennis_delen
                when: "band.kennis == 'high'"
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
              - id: luister_meer
                when: "answers.luisteren == 3"
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
              - id: vlag_nooit
                when: "answers.luisteren == 1"
                flag: true
                source: "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1252-1269)"
            """;
    private static final String WORDS = """
            title: Lof
            description: Een korte reflectie.
            dimensions:
              houding: Houding
              kennis: Kennis
            steps:
              doorvragen:
                text: Ik vraag door.
                minLabel: nooit
                maxLabel: altijd
              luisteren:
                text: Ik luister.
                minLabel: nooit
                maxLabel: altijd
              kennis:
                text: Ik weet het.
                minLabel: nooit
                maxLabel: altijd
            tips:
              goed_bezig:
                title: Goed bezig met doorvragen
                text: Blijf zo doorvragen.
              kennis_delen:
                title: Deel wat je weet
                text: Vertel collega's wat je over de gezinnen in je wijk weet.
              luister_meer:
                title: Luister langer
                text: Laat een stilte vallen.
              vlag_nooit:
                title: Luister altijd
                text: Een gesprek zonder luisteren helpt niemand.
            """;
    /** The same flow, its words saying the same beside a tip to look at as beside a red flag. */
    private static final String SAME_WORDS = WORDS + """
            messages:
              score:
                high_with_tip: Kijk ook naar de tips.
                flagged: Kijk ook naar de tips.
            """;

    private final ConversationEngine engine = new ConversationEngine();

    /** The bundled flows and words with the test flow, loaded once for each wording. */
    private static final Map<String, FlowLibrary> LIBRARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static FlowLibrary library(String words) {
        return LIBRARIES.computeIfAbsent(words, PartReadingTest::load);
    }

    private static FlowLibrary load(String words) {
        Map<String, String> flows = new LinkedHashMap<>(DataFiles.read(Path.of("flows"), "flows"));
        Map<String, String> locales = new LinkedHashMap<>(DataFiles.read(Path.of("locales"), "locales"));
        flows.put("flows/lof.yaml", FLOW);
        locales.put("locales/nl/flows/lof.yaml", words);
        return new FlowLibraryLoader(new TextRenderer()).load(flows, locales);
    }

    private record Walked(FlowLibrary library, Flow flow, Result result) {
        Result.Score score(String part) {
            return result.scores().get(part);
        }

        /** The class of the part's bar on the page: its colour. */
        String bar(String part) {
            Matcher bar = Pattern.compile("score-fill score-(\\w+)\" data-value=\"" + score(part).value() + "\"")
                    .matcher(result.html());
            assertTrue(bar.find(), result.html());
            return bar.group(1);
        }
    }

    private Walked walk(String words, int doorvragen, int luisteren, int kennis) {
        FlowLibrary library = library(words);
        Flow flow = library.flow("lof").orElseThrow();
        Progress progress = engine.start(flow);
        progress = answer(flow, progress, "doorvragen", doorvragen);
        progress = answer(flow, progress, "luisteren", luisteren);
        progress = answer(flow, progress, "kennis", kennis);
        ResultBuilder results = new ResultBuilder(engine, library.translations(), new TextRenderer(), TeamContactResultTest.template());
        return new Walked(library, flow, results.build(flow, progress, "nl"));
    }

    private Progress answer(Flow flow, Progress progress, String step, int value) {
        return ((Outcome.Accepted) engine.answer(flow, progress, step, value)).progress();
    }

    /**
     * A part whose only tip on its answers praises a high one keeps the plain strong reading: a "Goed bezig" tip on
     * a 5 made attitude read "Een sterk punt, met één ding om naar te kijken in de tips", as if it were a weakness.
     */
    @Test
    void praiseOnAHighAnswerLeavesAStrongPartPlainlyStrong() {
        for (int high : List.of(4, 5)) {
            Walked walk = walk(WORDS, high, 5, 5);
            assertEquals(List.of("goed_bezig", "kennis_delen"), walk.result().tips().stream().map(Result.Tip::id).toList());
            assertEquals("Een sterk punt.", walk.score("houding").label(), "doorvragen " + high);
            // a tip its high score alone brings praises it too
            assertEquals("Een sterk punt.", walk.score("kennis").label());
            assertFalse(walk.score("houding").flagged());
            assertEquals("high", walk.bar("houding"));
        }
    }

    /** A tip on an answer below the high band is still one thing to look at, praise beside it or not. */
    @Test
    void aTipOnAnAnswerToImproveStillSaysThereIsOneThingToLookAt() {
        Walked walk = walk(WORDS, 5, 3, 5);
        assertEquals(75, walk.score("houding").value());
        assertEquals(List.of("goed_bezig", "kennis_delen", "luister_meer"), walk.result().tips().stream().map(Result.Tip::id).toList());
        assertEquals("Een sterk punt, met één ding om naar te kijken in de tips.", walk.score("houding").label());
        assertFalse(walk.score("houding").flagged());
    }

    /** A red flag is carried as a fact on its part's score, beside the reading that says so; not on the other part. */
    @Test
    void aRedFlagIsCarriedOnItsPartsScore() {
        Walked walk = walk(WORDS, 5, 1, 5);
        assertEquals("Eén antwoord vraagt aandacht: zie de tips.", walk.score("houding").label());
        assertTrue(walk.score("houding").flagged(), "houding carries the red flag");
        assertFalse(walk.score("kennis").flagged(), "kennis has none");
    }

    /**
     * A flow that words its "one thing to look at" reading as its red flag's: a strong part beside an ordinary tip kept
     * its green bar and stayed the strongest point. Told by the words, it got the attention colour and the line above
     * the result dropped "Je sterkste punt: Houding" for a count of tips.
     */
    @Test
    void aFlagIsToldByTheFactNotByTheReadingsWords() {
        Walked walk = walk(SAME_WORDS, 5, 3, 1);
        assertEquals("Kijk ook naar de tips.", walk.score("houding").label());
        assertFalse(walk.score("houding").flagged());
        assertEquals("high", walk.bar("houding"), "a strong part with a tip, no red flag: the green of a strong point");
        ConversationState state = new ConversationState("id", "lof", "nl", "ltr", "", true, null,
                new ConversationState.ProgressView(3, 3), walk.result());
        assertEquals("Je sterkste punt: Houding. Hier valt het meest te winnen: Kennis.",
                ResultSummary.line(walk.library().translations(), state));
    }
}
