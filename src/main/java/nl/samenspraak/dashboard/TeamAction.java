package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** An action a team agreed after a round, about one of its dimensions (see {@link TeamActions}). */
@MappedEntity("team_action")
public record TeamAction(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        Long roundId,
        String dimension,
        String what,
        String who,
        @Nullable LocalDate due,
        Instant createdAt) {
}
