package nl.samenspraak.storage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A result handed over to a resident's phone: the SHA-256 of the link's token (never the token), the conversation
 * whose result it opens, and until when. See {@link nl.samenspraak.conversation.ResultHandOvers}.
 */
@MappedEntity("result_hand_over")
public record HandOverRecord(@Id String tokenHash, String conversationId, Instant createdAt, Instant expiresAt) {
}
