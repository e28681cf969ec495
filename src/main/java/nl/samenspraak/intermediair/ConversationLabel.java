package nl.samenspraak.intermediair;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The intermediair's own label on a conversation they hold ({@code heldBy}, their account: the label goes when the
 * account does); see V161__conversation_label.sql and V260__conversation_label_holder.sql.
 */
@MappedEntity("conversation_label")
public record ConversationLabel(@Id String conversationId, String label, long heldBy) {
}
