package nl.samenspraak.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A survey round: a team answers a flow between its opening and its closing, by invitation (see {@link Rounds}). */
@MappedEntity("survey_round")
public record SurveyRound(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        String flowId,
        int invited,
        Instant closesAt,
        @Nullable Instant closedAt,
        Instant createdAt) {

    /** When the round closed or will close: the closing date, or earlier when the admin closed it. */
    public Instant end() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    /**
     * The moment the date that names a round's end is read from: just before the end. A round that ran to its closing
     * date ends at the midnight after that date; read from the end itself it was "ronde tot 1 januari 2028" on the
     * intermediair's list, and "1 januari 2028" on the manager's summary and comparisons, where the admin set 31
     * December (the phone probe). A round closed early ends at that moment and is named by that day, as before.
     */
    public static Instant namedBy(Instant end) {
        return end.minusMillis(1);
    }

    /**
     * Whether a conversation of this round finished at {@code finishedAt} counts in its team's figures: only one
     * finished by the end. The one home of that rule: the dashboard counts by it, and a late finisher's result says so.
     */
    public boolean counts(Instant finishedAt) {
        return !finishedAt.isAfter(end());
    }

    public boolean closed(Instant now) {
        return !now.isBefore(end());
    }

    /**
     * Whether its figures may be shown: it closed at least {@code after} ago. A conversation counts when it finished
     * before the end, by the clock of the instance that stored it, and the last of those may be stored a moment after
     * the end (a turn under way, or an instance whose clock runs behind); figures shown at once could then change
     * afterwards, and the difference between two looks would be that one person's answers.
     */
    public boolean settled(Instant now, java.time.Duration after) {
        return !now.isBefore(end().plus(after));
    }
}
