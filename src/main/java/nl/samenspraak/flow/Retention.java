package nl.samenspraak.flow;

import java.time.Duration;

/**
 * How long a flow's conversations are kept, and how long a finished one can still be opened ({@code retention:} in
 * the flow file). Unfinished conversations are deleted {@code unfinished} after their last change; finished ones
 * {@code finished} after finishing (null: kept until someone deletes them). {@code result}: how long the resume
 * code (and the conversation's link) of a finished conversation still opens its result, read-only; null: as the
 * service is configured (7 days by default); {@link Duration#ZERO}: never by code (a private story, e.g. the
 * cultureel interview, whose result is for the professional in the talk).
 */
public record Retention(Duration unfinished, Duration finished, Duration result) {
    /** Unfinished conversations go after 30 days; finished ones stay; the result opens as configured. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(30), null, null);

    public Retention {
        if (unfinished == null || unfinished.isNegative() || unfinished.isZero()) {
            throw new IllegalArgumentException("unfinished conversations need a positive retention");
        }
    }

    /**
     * How long a finished conversation's code and link open its result: the flow's own {@code result}, else
     * {@code configured} (the service's setting). One rule for the web, the API and the chats that forget it after.
     */
    public Duration resultOpenFor(Duration configured) {
        return result == null ? configured : result;
    }

    /** Whether a finished conversation's code may open its result at all. */
    public boolean resultByCode() {
        return result == null || !result.isZero();
    }
}
