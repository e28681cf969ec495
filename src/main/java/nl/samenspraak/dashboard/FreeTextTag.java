package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A theme a team's manager gave a free text (see {@link FreeTextTags}); the text is named by its words' keyed hash
 * ({@code keyed}), or, for a tag made before those were keyed, by their plain SHA-256 until the next start rekeys it.
 */
@MappedEntity("free_text_tag")
public record FreeTextTag(
        @Id @GeneratedValue @Nullable Long id,
        Long teamId,
        String flowId,
        String stepId,
        String textHash,
        String theme,
        Instant createdAt,
        boolean keyed) {
}
