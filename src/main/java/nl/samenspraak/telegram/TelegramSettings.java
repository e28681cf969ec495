package nl.samenspraak.telegram;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;

/**
 * The Telegram configuration ({@link TelegramConfiguration}, checked and derived). Without a bot token the channel is
 * off; with a webhook secret too, updates come in through {@code POST /telegram/webhook}, else by long
 * polling. No secret has a default.
 */
@Singleton
public class TelegramSettings {
    private final String botToken;
    private final String webhookSecret;
    private final String webhookUrl;
    private final TelegramUrl apiUrl;
    private final String chatHashKey;
    private final int pollTimeoutSeconds;
    private final int attempts;
    private final Duration firstRetryDelay;
    private final Duration longestRetryDelay;
    private final Duration outboxScanEvery;

    @Inject
    public TelegramSettings(TelegramConfiguration c) {
        this(c.botToken(), c.webhookSecret(), c.webhookUrl(), c.apiUrl(), c.chatHashKey(), c.pollTimeout(), c.retry().attempts(),
                c.retry().firstDelay(), c.retry().longestDelay(), c.outbox().scanEvery());
    }

    public TelegramSettings(String botToken, String webhookSecret, String webhookUrl, String apiUrl, String chatHashKey,
                            int pollTimeoutSeconds, int attempts, Duration firstRetryDelay, Duration longestRetryDelay,
                            Duration outboxScanEvery) {
        this.botToken = trim(botToken);
        this.webhookSecret = trim(webhookSecret);
        this.webhookUrl = trim(webhookUrl);
        this.apiUrl = parseApiUrl(trim(apiUrl).isEmpty() ? "https://api.telegram.org" : trim(apiUrl));
        this.chatHashKey = trim(chatHashKey);
        this.pollTimeoutSeconds = Math.max(0, pollTimeoutSeconds);
        this.attempts = Math.max(1, attempts);
        this.firstRetryDelay = firstRetryDelay;
        this.longestRetryDelay = longestRetryDelay.compareTo(firstRetryDelay) < 0 ? firstRetryDelay : longestRetryDelay;
        this.outboxScanEvery = outboxScanEvery.isNegative() || outboxScanEvery.isZero() ? Duration.ofSeconds(1) : outboxScanEvery;
    }

    public boolean enabled() {
        return !botToken.isEmpty();
    }

    public boolean webhookMode() {
        return enabled() && !webhookSecret.isEmpty();
    }

    String botToken() {
        return botToken;
    }

    /** The bot's number: the part of the token before the colon (0 when there is none). Not a secret. */
    long botId() {
        int colon = botToken.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(botToken.substring(0, colon)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Compares in constant time (both sides hashed to the same length first). */
    boolean webhookSecretMatches(String given) {
        return webhookMode() && given != null && MessageDigest.isEqual(sha256(given), sha256(webhookSecret));
    }

    String webhookSecret() {
        return webhookSecret;
    }

    /** Where Telegram should post updates; empty when the operator registers the webhook himself. */
    String webhookUrl() {
        return webhookUrl;
    }

    TelegramUrl apiUrl() {
        return apiUrl;
    }

    /** The key for the chat-id hash: TELEGRAM_CHAT_HASH_KEY, else derived from the bot token. */
    ChatIds chatIds() {
        return ChatIds.keyed(chatHashKey, botToken);
    }

    int pollTimeoutSeconds() {
        return pollTimeoutSeconds;
    }

    int attempts() {
        return attempts;
    }

    Duration firstRetryDelay() {
        return firstRetryDelay;
    }

    /** The longest pause between two tries of a reply while Telegram is away (it is tried for as long as it takes). */
    Duration longestRetryDelay() {
        return longestRetryDelay;
    }

    /** How often the outbox is searched for replies left waiting (after a failure, a restart, another instance). */
    Duration outboxScanEvery() {
        return outboxScanEvery;
    }

    /** {@code scheme://host[:port]}: the Bot API lives at the root of its server. */
    static TelegramUrl parseApiUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + text, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean rootPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !rootPath
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://host[:port], without a path: " + text);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
