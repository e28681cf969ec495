package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which answers say something (the dashboard counts only those conversations), and when a kept outcome must be
 * worked out again: whenever the flow file changes what the rule reads, never for what it does not read.
 */
class SaysSomethingTest {
    private static final String FLOW = """
            id: rule
            languages: [nl]
            steps:
              - id: welkom
                type: info
                source: s
              - id: toestemming
                type: yesno
                consent: true
                source: s
              - id: keuze
                type: choice
                optional: true
                dontKnow: true
                options: [a, b]
                source: s
              - id: meer
                type: multi
                optional: true
                dontKnow: true
                options: [x, y]
                source: s
              - id: tekst
                type: text
                optional: true
                source: s
            """;

    private static Flow flow(String yaml) {
        return TestFlows.parse(yaml);
    }

    private static Map<String, Object> answers(Object... stepsAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            m.put((String) stepsAndValues[i], stepsAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void onlyAnAnswerThatIsNeitherSkippedNorDontKnowSaysSomething() {
        Flow f = flow(FLOW);
        assertFalse(SaysSomething.of(f, answers()), "everything skipped");
        assertFalse(SaysSomething.of(f, answers("toestemming", "ja")), "consent is not a view");
        assertFalse(SaysSomething.of(f, answers("toestemming", "ja", "keuze", "weet-niet", "meer", List.of("weet-niet"))),
                "only weet ik niet");
        assertFalse(SaysSomething.of(f, answers("toestemming", "ja", "meer", List.of())), "an empty choice");
        assertFalse(SaysSomething.of(f, answers("toestemming", "ja", "weg", "iets")), "an answer to a step the flow no longer has");
        assertTrue(SaysSomething.of(f, answers("toestemming", "ja", "keuze", "weet-niet", "tekst", "Iets")), "a free text");
        assertTrue(SaysSomething.of(f, answers("toestemming", "ja", "meer", List.of("weet-niet", "y"))),
                "a choice beside weet ik niet");
        assertTrue(SaysSomething.of(f, answers("keuze", "b")), "an option");
    }

    @Test
    void theSameFlowHasTheSameRule() {
        assertEquals(SaysSomething.rule(flow(FLOW)), SaysSomething.rule(flow(FLOW)));
    }

    @Test
    void whatTheRuleDoesNotReadLeavesItAlone() {
        String base = SaysSomething.rule(flow(FLOW));
        // another wording of the info step, another info step, and the questions in another order
        assertEquals(base, SaysSomething.rule(flow(FLOW.replace("""
                  - id: welkom
                    type: info
                    source: s
                """, """
                  - id: welkom
                    type: info
                    source: anders
                  - id: uitleg
                    type: info
                    source: s
                """))));
        assertEquals(base, SaysSomething.rule(flow(FLOW.replace("options: [a, b]", "options: [b, a]"))),
                "options that do not mean weet ik niet");
    }

    @Test
    void aChangeToWhatCountsGivesAnotherRule() {
        String base = SaysSomething.rule(flow(FLOW));
        assertNotEquals(base, SaysSomething.rule(flow(FLOW + """
                  - id: nog_een
                    type: text
                    optional: true
                    source: s
                """)), "a question added");
        assertNotEquals(base, SaysSomething.rule(flow(FLOW.replace("""
                    dontKnow: true
                    options: [x, y]
                """, """
                    options: [x, y]
                """))), "weet ik niet no longer offered on one question");
        assertNotEquals(base, SaysSomething.rule(flow(FLOW.replace("""
                  - id: tekst
                    type: text
                    optional: true
                """, """
                  - id: tekst
                    type: info
                """))), "a question that became an info step");
    }
}
