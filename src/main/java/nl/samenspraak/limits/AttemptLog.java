package nl.samenspraak.limits;

import java.time.Duration;
import java.time.Instant;

/** Where attempts are counted: the database in the service (shared by every instance), memory in unit tests. */
public interface AttemptLog {
    /**
     * Counts an attempt at {@code at} for a limit over {@code window}: a log may round the attempt up to the end of
     * a sixtieth of that window, so it counts at most that much longer than exactly.
     */
    void add(String bucket, Instant at, Duration window);

    /** The attempts counted since {@code since} (an attempt at {@code since} counts). */
    long count(String bucket, Instant since);

    void clear(String bucket);
}
