package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A link an intermediair shows (as a QR code) so a resident answers on their own phone: it starts {@code flowId}
 * in {@code language}, counted under a team and wijk, until {@code expiresAt}. Deliberately nothing about who
 * made it or who uses it.
 */
@MappedEntity("resident_link")
public record ResidentLink(
        @Id String code,
        String flowId,
        String language,
        Long teamId,
        @Nullable String wijk,
        Instant createdAt,
        Instant expiresAt) {

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
