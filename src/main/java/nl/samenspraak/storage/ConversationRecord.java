package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A conversation as stored: which flow (and which version of it), in which language and channel, how far
 * it got ({@code path}: the steps passed, comma separated; {@code currentStep}) and a short code to resume it.
 * {@code version} guards against two requests changing it at once. {@code teamId} and {@code wijk}: the
 * team (and neighbourhood) it is counted under when it was started through a team's join link; nothing
 * else about who answered is kept. {@code heldBy}: for a conversation an intermediair holds (asks a resident or
 * client on their own device), that intermediair's account; only it opens the conversation (see
 * {@link nl.samenspraak.conversation.Caller}). Null: the respondent's own conversation.
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
        @Version Long version,
        @Nullable Long teamId,
        @Nullable String wijk,
        @Nullable Long heldBy) {

    /** This conversation with the version the database gave it ({@code 0} when it is first written). */
    ConversationRecord withVersion(Long newVersion) {
        return new ConversationRecord(id, flowId, flowVersion, language, channel, status, currentStep, path,
                resumeCode, createdAt, updatedAt, newVersion, teamId, wijk, heldBy);
    }

    /** This conversation as it is after moving on to {@code currentStep}, one version later. */
    ConversationRecord moved(String newStatus, @Nullable String newCurrentStep, String newPath, Instant now) {
        return new ConversationRecord(id, flowId, flowVersion, language, channel, newStatus, newCurrentStep, newPath,
                resumeCode, createdAt, now, version + 1, teamId, wijk, heldBy);
    }

    /** This conversation going on under {@code newFlowVersion} of its flow (see {@link ConversationStore#saveUnder}). */
    ConversationRecord under(String newFlowVersion) {
        return new ConversationRecord(id, flowId, newFlowVersion, language, channel, status, currentStep, path,
                resumeCode, createdAt, updatedAt, version, teamId, wijk, heldBy);
    }

    /** This conversation as it is after switching to {@code newLanguage}, one version later. */
    ConversationRecord speaking(String newLanguage, Instant now) {
        return new ConversationRecord(id, flowId, flowVersion, newLanguage, channel, status, currentStep, path,
                resumeCode, createdAt, now, version + 1, teamId, wijk, heldBy);
    }

    /** This conversation as it is after being counted under {@code newWijk} (same team), one version later. */
    ConversationRecord inWijk(String newWijk, Instant now) {
        return new ConversationRecord(id, flowId, flowVersion, language, channel, status, currentStep, path,
                resumeCode, createdAt, now, version + 1, teamId, newWijk, heldBy);
    }
}
