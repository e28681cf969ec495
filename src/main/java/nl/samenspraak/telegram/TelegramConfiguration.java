package nl.samenspraak.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code telegram.*} in application.yml, the one place its defaults are written (README, "Configuration"). Read by
 * {@link TelegramSettings} (which checks and derives from it) and {@link TelegramLinks}. No secret has a default:
 * the bot token, webhook secret and chat-hash key are empty unless set.
 */
@ConfigurationProperties("telegram")
public record TelegramConfiguration(@Nullable String botToken, @Nullable String webhookSecret, @Nullable String webhookUrl,
                                    @NotNull String apiUrl, @Nullable String chatHashKey, @Nullable String botUsername,
                                    @Min(0) int pollTimeout, @Valid @NotNull Retry retry, @Valid @NotNull Outbox outbox) {

    /** {@code telegram.retry.*}: how calls to Telegram are tried again. */
    @ConfigurationProperties("retry")
    public record Retry(@Min(1) int attempts, @NotNull Duration firstDelay, @NotNull Duration longestDelay) {
    }

    /** {@code telegram.outbox.*}: how often replies left waiting are looked for. */
    @ConfigurationProperties("outbox")
    public record Outbox(@NotNull Duration scanEvery) {
    }
}
