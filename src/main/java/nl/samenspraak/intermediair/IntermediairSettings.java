package nl.samenspraak.intermediair;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code samenspraak.intermediair.*} in application.yml, the one place its defaults are written: how long a resident
 * link works, and for how long after a conversation finished its intermediair still reads its answers
 * ({@link FinishedAnswers}).
 */
@ConfigurationProperties("samenspraak.intermediair")
public record IntermediairSettings(@NotNull Duration residentLinkLifetime, @NotNull Duration finishedReadableFor) {
}
