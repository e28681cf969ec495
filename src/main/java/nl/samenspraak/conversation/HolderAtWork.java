package nl.samenspraak.conversation;

/**
 * Whether the intermediair who holds something of the team's (a conversation, a resident link they made) can still
 * work with it: a member of that team, able to log in, still an intermediair. What such a holder alone could stop or
 * delete (a result handed over to a resident's phone, a resident link) works only while they can, so that nothing
 * keeps working that nobody can take back. An interface here because the accounts and teams are not this package's:
 * the intermediair package implements it.
 */
public interface HolderAtWork {
    /** Whether the account {@code accountId} can still work on what it holds in team {@code teamId}. */
    boolean canAct(long accountId, long teamId);
}
