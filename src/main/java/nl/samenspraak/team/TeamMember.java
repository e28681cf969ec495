package nl.samenspraak.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A manager or intermediair working for a team. */
@MappedEntity("account_team")
public record TeamMember(
        @Id @GeneratedValue @Nullable Long id,
        Long accountId,
        Long teamId) {
}
