package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A conversation as stored: which flow (and which version of it), in which language and channel, how far
 * it got ({@code path}: the steps passed, comma separated; {@code currentStep}) and a short code to resume it.
 * {@code version} guards against two requests changing it at once.
 */
@MappedEntity("conversation")
public record ConversationRecord(
        @Id String id,
        String flowId,
        String flowVersion,
        String language,
        String channel,
        String status,
        @Nullable String currentStep,
        String path,
        String resumeCode,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {
}
