package nl.samenspraak.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * How long and how large a voice answer may be ({@code telegram.voice} in application.yml): a longer or larger
 * one is not kept, and the person hears the limit. Keeps a conversation's stored audio small and its talk short.
 */
@ConfigurationProperties("telegram.voice")
public record VoiceLimits(@Min(1) long maxBytes, Duration maxDuration) {
}
