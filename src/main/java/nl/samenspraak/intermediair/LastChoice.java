package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * What an intermediair last chose for one flow on the start form: the resident's language and the place (as the
 * form sends it, team id and wijk). Kept per account on the server, so a shared phone shows it to nobody else.
 */
@MappedEntity("intermediair_choice")
public record LastChoice(@Id @GeneratedValue @Nullable Long id, Long accountId, String flowId, String language,
                         String place, Instant updatedAt) {
}
