package nl.samenspraak.round;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The round a conversation was answered in (never the invitation it came from). */
@MappedEntity("round_conversation")
public record RoundConversation(@Id String conversationId, Long roundId) {
}
