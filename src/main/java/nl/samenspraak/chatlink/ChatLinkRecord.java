package nl.samenspraak.chatlink;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A chat linked to an account: {@code chat} is the channel and its key for the chat; see V205__chat_link.sql. */
@MappedEntity("chat_link")
record ChatLinkRecord(@Id String chat, Long accountId, Instant linkedAt) {
}
