package nl.samenspraak.flow;

import java.util.List;

/**
 * A tip that appears when its condition holds. Its title and text are Velocity templates in the locale
 * files; {@code priority} orders tips (1 is the most important) and {@code source} names where in the
 * research the advice comes from. {@code suppresses} names the tips that must not show while this one does:
 * a red flag on a single answer keeps praise away, however strong the other answers are. {@code flag} says the rule
 * is such a red flag (a single answer the research warns against): while it shows, the reading of the part it is
 * about praises nothing ("Een sterk punt" stood beside "Laat geen kinderen tolken"; the tips alone kept the promise).
 */
public record AdviceRule(String id, Condition when, int priority, String source, List<String> suppresses, boolean flag,
                         int line) {
    public AdviceRule {
        suppresses = List.copyOf(suppresses);
    }

    public AdviceRule(String id, Condition when, int priority, String source, int line) {
        this(id, when, priority, source, List.of(), false, line);
    }
}
