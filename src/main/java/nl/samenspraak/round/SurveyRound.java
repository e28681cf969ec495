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

    public boolean closed(Instant now) {
        return !now.isBefore(end());
    }
}
