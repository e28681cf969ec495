package nl.samenspraak.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a conversation was started, kept with it ({@code conversation.channel}) so it can be told apart later: the
 * web chat (also a team's join link, a round's invitation, an intermediair's page and a resident link), the JSON API,
 * or Telegram. A type rather than a bare string, so a channel cannot be misspelt at one of its call sites; stored as
 * its {@link #key()}, the same words as before it was a type ({@code web}, {@code api}, {@code telegram}).
 */
public enum Channel {
    /** The web chat, and every web page that starts a conversation (join link, round invitation, intermediair). */
    WEB,
    /** The JSON API ({@code POST /api/conversations}). */
    API,
    /** The Telegram bot. */
    TELEGRAM;

    /** The word stored with a conversation. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }
}
