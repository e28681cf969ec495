package nl.samenspraak.flow.load;

import java.util.HashSet;
import java.util.Set;

/**
 * The locale files that are there but could not be read (not YAML, empty, not a mapping of texts, a language.yaml
 * without name or direction). Each has its own problem, which says what is wrong; what hangs on it (the language it
 * names, the texts and messages it holds) is not reported as well, as "does not exist" or as every text missing: an
 * author looked for a file they could see, or read a hundred lines that all came from one typo. A language's
 * messages.yaml that is not there at all beside its language.yaml counts here too: its one problem says the file is
 * missing and what it holds, instead of one "misses message" per shared message.
 */
final class UnreadableLocales {
    private final Set<String> parts = new HashSet<>();

    /** {@code part} of language {@code code}: {@code language}, {@code messages} or {@code flows/<flow id>}. */
    void add(String code, String part) {
        parts.add(code + "/" + part);
    }

    /** Whether the language's language.yaml is there but unusable. */
    boolean language(String code) {
        return parts.contains(code + "/language");
    }

    boolean messages(String code) {
        return parts.contains(code + "/messages");
    }

    boolean flow(String code, String flowId) {
        return parts.contains(code + "/flows/" + flowId);
    }
}
