package nl.samenspraak.intermediair;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The intermediair's own label on a conversation they hold; see V161__conversation_label.sql. */
@MappedEntity("conversation_label")
public record ConversationLabel(@Id String conversationId, String label) {
}
