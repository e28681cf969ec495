package nl.samenspraak.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A wijk (neighbourhood) a team works in, at its place in the team's list. */
@MappedEntity("team_wijk")
public record TeamWijk(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        String name,
        int position) {
}
