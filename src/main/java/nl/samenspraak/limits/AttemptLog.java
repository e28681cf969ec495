package nl.samenspraak.limits;

import java.time.Duration;
import java.time.Instant;

/** Where attempts are counted: the database in the service (shared by every instance), memory in unit tests. */
public interface AttemptLog {
    /**
     * Counts an attempt at {@code at} only when fewer than {@code limit} were counted in the {@code window} before it,
     * in one step: of attempts made at the same moment, on any number of instances, never more than the places left
     * get one (a count followed by an add would let every one of them see the last place free). True when counted.
     * A log may round the attempt up to the end of a sixtieth of the window, so it counts at most that much longer
     * than exactly.
     */
    boolean addIfUnder(String bucket, Instant at, Duration window, long limit);

    /**
     * Takes back one attempt counted at {@code at} over {@code window} (by {@link #addIfUnder}): one
     * that was held in advance and turned out not to count, such as a login that succeeded.
     */
    void takeBack(String bucket, Instant at, Duration window);

    /** The attempts counted since {@code since} (an attempt at {@code since} counts). */
    long count(String bucket, Instant since);

    void clear(String bucket);

    /**
     * Deletes the counts no window needs at {@code now} any more (older than a day); how many went. The log prunes
     * itself as attempts come, but a quiet service would keep a day's counts much longer without this daily call.
     */
    long forgetOld(Instant now);
}
