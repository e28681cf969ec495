package nl.samenspraak.conversation;

import java.util.Optional;

/**
 * A team's name and wijken: the name for the texts that say who asks the questions ("Deze vragen komen van
 * Wijkteam Noord"), the wijken for checking a conversation's wijk when an intermediair changes it. An interface here, implemented by the team feature, because teams already use conversations (join links): the
 * use case names what it needs and the dependency keeps pointing one way.
 */
@FunctionalInterface
public interface TeamNames {
    Optional<String> name(long teamId);

    /** The team's wijken, in the team's order: where a conversation of the team may be counted. None by default. */
    default java.util.List<String> wijken(long teamId) {
        return java.util.List.of();
    }

    /** The teams an account belongs to, the one it joined first first: where a conversation it holds is counted. */
    default java.util.List<Long> teamsOf(long accountId) {
        return java.util.List.of();
    }
}
