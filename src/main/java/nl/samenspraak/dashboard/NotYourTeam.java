package nl.samenspraak.dashboard;

/** A dashboard address for a team the person may not see (or that does not exist); answered by {@link NotYourTeamPage}. */
public final class NotYourTeam extends RuntimeException {
    public NotYourTeam() {
        super("not your team", null, false, false);
    }
}
