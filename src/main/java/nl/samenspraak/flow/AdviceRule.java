package nl.samenspraak.flow;

/**
 * A tip that appears when its condition holds. Its title and text are Velocity templates in the locale
 * files; {@code priority} orders tips (1 is the most important) and {@code source} names where in the
 * research the advice comes from.
 */
public record AdviceRule(String id, Condition when, int priority, String source, int line) {
}
