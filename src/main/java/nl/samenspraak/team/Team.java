package nl.samenspraak.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A neighbourhood or youth team. Its join code makes its join link (/t/<code>); conversations started there count under it. */
@MappedEntity("team")
public record Team(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String joinCode,
        Instant createdAt) {
}
