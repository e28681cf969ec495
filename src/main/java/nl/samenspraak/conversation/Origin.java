package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;

/**
 * Where a conversation was started from, for counting it: the team whose join link was used, and a wijk
 * (neighbourhood) of that team. {@link #NONE} for a conversation that belongs to no team. Deliberately
 * nothing about the person: no account, no address, no device.
 */
public record Origin(@Nullable Long teamId, @Nullable String wijk) {
    public static final Origin NONE = new Origin(null, null);

    public static Origin team(long teamId) {
        return new Origin(teamId, null);
    }
}
