package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A theme a team's manager gave a free text (see {@link FreeTextTags}); the text is named by its words' hash. */
@MappedEntity("free_text_tag")
public record FreeTextTag(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        String flowId,
        String stepId,
        String textHash,
        String theme,
        Instant createdAt) {
}
