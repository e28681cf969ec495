package nl.samenspraak.chatlink;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A single-use token that links a chat to an account, by its hash only; see V205__chat_link.sql. */
@MappedEntity("chat_link_token")
record LinkTokenRecord(@Id String tokenHash, Long accountId, Instant expiresAt, @Nullable Instant usedAt) {
}
