package nl.samenspraak.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A team's contact details for residents in one language, for the whole team ({@code wijk} "") or for one wijk
 * where they differ (see V100__team_contact.sql). The team's, never a person's.
 */
@MappedEntity("team_contact")
public record ContactRecord(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        String wijk,
        String language,
        @Nullable String desk,
        @Nullable String address,
        @Nullable String walkIn,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String interpreter,
        Instant updatedAt) {
}
