package nl.samenspraak.intermediair;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Which resident link started a conversation on a resident's own phone, for the link's counts only. The row goes
 * with the link (stopped or ended) and with the conversation; see V160__resident_link_counts.sql.
 */
@MappedEntity("resident_link_conversation")
public record ResidentLinkConversation(@Id String conversationId, String linkCode) {
}
