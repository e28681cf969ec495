package nl.samenspraak.i18n;

/**
 * Why a text cannot be rendered, as {@link TextRenderer#check} finds it: a name the model lacks (the flow checker words
 * that one itself, naming the reference) or anything else Velocity refuses, in Velocity's words. A type rather than a
 * message to take apart, so a change in how Velocity words an error cannot turn one kind into the other.
 */
public sealed interface RenderProblem {

    /** {@code reference} as written in the text, e.g. {@code $answers.naam}. */
    record UnknownReference(String reference) implements RenderProblem {
    }

    /** A syntax or other render error; {@code detail} is Velocity's message on one line. */
    record Unrenderable(String detail) implements RenderProblem {
    }
}
