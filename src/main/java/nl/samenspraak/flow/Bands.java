package nl.samenspraak.flow;

/**
 * Where a score (0-100) stands: {@code low} below {@code middle}, {@code middle} below {@code high}, else
 * {@code high}; {@code none} without a score. A flow defines its bands once, and both the reading shown beside a
 * score and the advice conditions ({@code band.<dimension> == 'low'}) use them, so a label and a tip never
 * disagree about the same score.
 */
public record Bands(int middle, int high) {
    public static final String NONE = "none";
    public static final String LOW = "low";
    public static final String MIDDLE = "middle";
    public static final String HIGH = "high";
    /** For a flow with scores that defines no bands of its own (the shipped flows all define theirs). */
    public static final Bands DEFAULT = new Bands(50, 75);

    public Bands {
        if (middle < 0 || high > 100 || middle >= high) {
            throw new IllegalArgumentException("bands need 0 <= middle < high <= 100, got " + middle + " and " + high);
        }
    }

    /** The band of {@code score}, null meaning no score. */
    public String of(Integer score) {
        return score == null ? NONE : score < middle ? LOW : score < high ? MIDDLE : HIGH;
    }
}
