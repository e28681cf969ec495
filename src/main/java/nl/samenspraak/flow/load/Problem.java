package nl.samenspraak.flow.load;

import java.util.Map;

/**
 * One thing wrong in a flow or locale file, pointing at the file and line an author has to open. A problem worded by a
 * message key ({@code flowparse.*} from the parser and loader, {@code flowcheck.*} from the checker; see {@link #worded})
 * keeps that key and its values, so that a page can say it in its reader's language; its {@link #message()} is the
 * English, for a log or a terminal, worded only when asked: making a problem reads nothing (a problem found while the
 * bundled messages themselves are read, or while the build prepares them, must not read them again).
 */
public record Problem(String file, int line, String message, String key, Map<String, Object> args) implements Comparable<Problem> {
    /** The language of {@link #message()} for a worded problem. */
    public static final String LANGUAGE = "en";

    public Problem {
        args = Map.copyOf(args);
    }

    /** A problem said in English only (no message key). */
    public Problem(String file, int line, String message) {
        this(file, line, message, null, Map.of());
    }

    /** A problem worded by the message {@code key} with {@code args}, said in English from the bundled locale file. */
    public static Problem worded(String file, int line, String key, Map<String, Object> args) {
        return new Problem(file, line, null, key, args);
    }

    /** What is wrong, in English: as given, or worded from the bundled locale file now. */
    @Override
    public String message() {
        return message != null ? message : BundledMessages.words().render(LANGUAGE, key, args);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message();
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}
