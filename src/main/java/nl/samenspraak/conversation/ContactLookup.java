package nl.samenspraak.conversation;

import nl.samenspraak.result.TeamContact;

import java.util.Optional;

/**
 * The contact details a team wrote for its residents, looked up by a conversation's team and wijk, so a
 * resident's result can say where to go. An interface here because the teams ({@code team}) already use the
 * conversation use cases: the team package implements it, and this package never reaches into it.
 */
public interface ContactLookup {
    /** The details for a conversation counted under {@code teamId} and {@code wijk} (null: the team as a whole). */
    Optional<TeamContact> of(long teamId, String wijk);
}
