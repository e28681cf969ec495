package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A link an intermediair shows (as a QR code) so a resident answers on their own phone: it starts {@code flowId}
 * in {@code language}, counted under a team and wijk, until {@code expiresAt}. {@code madeBy}: the account of the
 * intermediair who made it, the only one who sees it in their list with its counts (null: made before links had
 * a maker; its team's intermediairs may open it). Deliberately nothing about who uses it.
 */
@MappedEntity("resident_link")
public record ResidentLink(
        @Id String code,
        String flowId,
        String language,
        Long teamId,
        @Nullable String wijk,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Long madeBy) {

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether an intermediair (account {@code accountId}, in teams {@code teamIds}) may see and stop this link. */
    boolean openFor(long accountId, java.util.Collection<Long> teamIds) {
        return madeBy == null ? teamIds.contains(teamId) : madeBy == accountId && teamIds.contains(teamId);
    }
}
