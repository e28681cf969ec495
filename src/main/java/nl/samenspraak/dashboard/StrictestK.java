package nl.samenspraak.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The minimum group size k an instance applies when several instances share one database: the largest of its own
 * and those the instances said within {@code heardWithin}, never less than its own. An instance with a smaller k
 * (a rolling deploy that changes k, a misconfigured instance) would otherwise show a figure another hides, and a
 * manager refreshing behind a load balancer would see both: side by side they tell a group's size.
 * <p>
 * A larger k is let go once nobody has said it for {@code heardWithin}, but only while this instance has itself been
 * saying its own k all that time: after a database outage, or a pause of this instance, the others have not had their
 * turn to say theirs again, and their silence means nothing yet. Plain Java: the times (the database's clock) are
 * given, so a test moves them.
 */
final class StrictestK {
    /** A k some instance said, and when it last said it. */
    record Heard(int k, Instant at) {
    }

    /** The k to apply, and the other values heard within the time (empty when every instance has this one's). */
    record Applied(int k, SortedSet<Integer> others) {
    }

    private final int own;
    private final Duration heardWithin;
    private int applied;
    private Instant lastSaid;
    private Instant sayingSince;

    StrictestK(int own, Duration heardWithin) {
        if (heardWithin.isNegative() || heardWithin.isZero()) {
            throw new IllegalArgumentException("the time within which instances are heard is longer than zero, not " + heardWithin);
        }
        this.own = own;
        this.heardWithin = heardWithin;
        this.applied = own;
    }

    /** This instance said its own k at {@code at}. */
    void said(Instant at) {
        if (lastSaid == null || Duration.between(lastSaid, at).compareTo(heardWithin) >= 0) {
            sayingSince = at; // the first time, or after a silence of its own: the others' silence counts from now
        }
        lastSaid = at;
    }

    /** What the instances said, as the database holds it at {@code now}: the k to apply from now on. */
    Applied heard(Collection<Heard> heard, Instant now) {
        int strictest = own;
        SortedSet<Integer> others = new TreeSet<>();
        for (Heard h : heard) {
            if (Duration.between(h.at(), now).compareTo(heardWithin) < 0) {
                strictest = Math.max(strictest, h.k());
                if (h.k() != own) {
                    others.add(h.k());
                }
            }
        }
        boolean sayingLongEnough = sayingSince != null && Duration.between(sayingSince, now).compareTo(heardWithin) >= 0;
        if (strictest >= applied || sayingLongEnough) {
            applied = strictest;
        }
        return new Applied(applied, others);
    }

    int own() {
        return own;
    }
}
