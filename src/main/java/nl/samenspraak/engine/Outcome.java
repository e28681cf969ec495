package nl.samenspraak.engine;

import java.util.Map;

/** What the engine made of an answer. */
public sealed interface Outcome {

    /** The answer was valid and the conversation moved on. */
    record Accepted(Progress progress, String step, Object value) implements Outcome {
    }

    /** The same answer to the step just answered (a double tap): nothing changes. */
    record Repeated(Progress progress) implements Outcome {
    }

    /** The answer does not fit the question; {@code message} is a key in the messages, with its parameters. */
    record Invalid(Progress progress, String message, Map<String, Object> parameters) implements Outcome {
    }

    /** The answer is for a step that is not the one being asked. */
    record NotCurrent(Progress progress) implements Outcome {
    }

    /**
     * The answer was given to the question as an earlier version of the flow asked it, and the version run now asks
     * another kind of question under that name (a 1-5 scale where a count was): it is no answer to that question and
     * nothing of it is kept. {@code progress}: the conversation as it goes on under the version run now.
     */
    record AskedOtherwise(Progress progress) implements Outcome {
    }
}
