package nl.samenspraak.conversation;

import java.util.Optional;

/**
 * A team's name, for the texts that say who asks the questions ("Deze vragen komen van Wijkteam Noord"). An
 * interface here, implemented by the team feature, because teams already use conversations (join links): the
 * use case names what it needs and the dependency keeps pointing one way.
 */
@FunctionalInterface
public interface TeamNames {
    Optional<String> name(long teamId);
}
