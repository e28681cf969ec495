package nl.samenspraak.telegram;

import nl.samenspraak.keys.KeyedHash;

import java.nio.charset.StandardCharsets;

/**
 * Turns a Telegram chat id into what is stored instead: HMAC-SHA256 with a secret key, in hex. Without the
 * key the hash can't be tied back to a chat, not even by trying every possible id. The key is
 * TELEGRAM_CHAT_HASH_KEY, or when that is not set, one derived from the bot token (HMAC of a fixed label);
 * a new token then means chats start afresh (their conversations stay reachable by resume code).
 */
public final class ChatIds {
    private static final String DERIVATION_LABEL = "samenspraak telegram chat-id hash key";

    private final KeyedHash hash;

    private ChatIds(KeyedHash hash) {
        this.hash = hash;
    }

    static ChatIds keyed(String configuredKey, String botToken) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new ChatIds(KeyedHash.withKey(configuredKey.getBytes(StandardCharsets.UTF_8)));
        }
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalStateException("a chat-id hash needs TELEGRAM_CHAT_HASH_KEY or TELEGRAM_BOT_TOKEN");
        }
        return new ChatIds(KeyedHash.derived(botToken.getBytes(StandardCharsets.UTF_8), DERIVATION_LABEL));
    }

    public String hash(long chatId) {
        return hash.of(Long.toString(chatId));
    }
}
