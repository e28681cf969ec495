package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One answer: the value as JSON (null for a skipped question), its language (the language of the text the
 * person saw; for a typed text, the language it was typed in) and who entered it ({@link EnteredBy#key()}).
 * One row per conversation and step; answering a step again (after going back) updates it.
 */
@MappedEntity("answer")
public record AnswerRecord(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        String stepId,
        @Nullable String answerValue,
        String language,
        Instant createdAt,
        Instant updatedAt,
        String enteredBy) {
}
