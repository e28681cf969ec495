package nl.samenspraak.i18n;

/**
 * Why a text cannot be rendered, as {@link TextRenderer#check} finds it: a name the model lacks, a mistake in the
 * template's syntax (where, and at what), which the flow checker words itself in the admin's language, or anything
 * else Velocity refuses, in Velocity's words. A type rather than a
 * message to take apart, so a change in how Velocity words an error cannot turn one kind into the other.
 */
public sealed interface RenderProblem {

    /** {@code reference} as written in the text, e.g. {@code $answers.naam}. */
    record UnknownReference(String reference) implements RenderProblem {
    }

    /**
     * The template does not parse: at {@code line} and {@code column} of the text (from 1), at {@code near} (what was
     * written there, e.g. {@code #end}), or where the text ended before a directive or bracket was closed (empty).
     */
    record SyntaxError(int line, int column, String near) implements RenderProblem {
        public boolean atTheEnd() {
            return near.isEmpty();
        }
    }

    /** More brackets, {@code #if}s or operators inside each other than a text may have ({@link TextNesting}). */
    record TooDeep() implements RenderProblem {
    }

    /** Any other render error; {@code detail} is Velocity's message on one line. */
    record Unrenderable(String detail) implements RenderProblem {
    }
}
