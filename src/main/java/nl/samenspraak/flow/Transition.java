package nl.samenspraak.flow;

/** A way out of a step: go to {@code target} when {@code condition} holds (always, when it is null). */
public record Transition(Condition condition, String target, int line) {
    public static final String END = "end";
}
