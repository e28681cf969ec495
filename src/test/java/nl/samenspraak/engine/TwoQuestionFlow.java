package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;

/**
 * A flow of a welcome, "eerste", "tweede", then "laatste" (a yes/no), the first two of any kind, and a walk through
 * it: versions of one questionnaire that ask those two otherwise (CarryOverByKindTest, AnswerAcrossVersionsTest).
 */
final class TwoQuestionFlow {
    private TwoQuestionFlow() {
    }

    static final String YESNO = "type: yesno";

    /** The flow with {@code first} and {@code second} as the YAML of the two questions' kinds. */
    static Flow of(String first, String second) {
        return TestFlows.parse("""
                id: buurt
                languages: [nl]
                steps:
                  - id: welkom
                    type: info
                    source: s
                  - id: eerste
                %s
                    source: s
                  - id: tweede
                %s
                    source: s
                  - id: laatste
                    type: yesno
                    source: s
                """.formatted(first.indent(4).stripTrailing(), second.indent(4).stripTrailing()));
    }

    /** {@code flow} answered step by step, each answer taken. */
    static Progress walk(ConversationEngine engine, Flow flow, Object... stepsAndValues) {
        Progress p = engine.start(flow);
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            p = ((Outcome.Accepted) engine.answer(flow, p, (String) stepsAndValues[i], stepsAndValues[i + 1])).progress();
        }
        return p;
    }
}
