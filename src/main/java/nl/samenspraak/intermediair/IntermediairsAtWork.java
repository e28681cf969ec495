package nl.samenspraak.intermediair;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.HolderAtWork;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Teams;

/**
 * The one rule for {@link HolderAtWork}: the account is in the team, enabled, and an intermediair (a manager or an
 * admin has no {@code /intermediair} page to stop or delete anything from). Taken out of the team, disabled, made
 * another role or deleted, the holder can take nothing back, so their resident links and handed-over results stop
 * working; enabled or an intermediair again, they work until they expire.
 */
@Singleton
public class IntermediairsAtWork implements HolderAtWork {
    private final Teams teams;
    private final Accounts accounts;

    public IntermediairsAtWork(Teams teams, Accounts accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    @Override
    public boolean canAct(long accountId, long teamId) {
        return teams.memberIds(teamId).contains(accountId)
                && accounts.find(accountId).map(a -> a.enabled() && Role.INTERMEDIAIR.key().equals(a.role())).orElse(false);
    }
}
