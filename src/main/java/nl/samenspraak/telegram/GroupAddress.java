package nl.samenspraak.telegram;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message in a group is meant for the bot. With privacy mode off a bot gets every message of a group it
 * is in, and answering each with "private chat only" was one reply per message: spam in the group, and a backlog of
 * 429s in the outbox. So in a group only one of the bot's own commands, bare or addressed to it ({@code /start},
 * {@code /start@<bot>}), or a mention of it ({@code @<bot>}) gets that answer; everything else is left alone. Without
 * {@code TELEGRAM_BOT_USERNAME} the bot does not know its name: a command addressed to any name is then taken for its
 * own (with privacy mode on, the default, Telegram sends a bot only those), and no mention is recognised.
 */
final class GroupAddress {
    private static final Set<String> COMMANDS = commands();

    private final String username;
    private final Pattern mention;

    /** For the bot called {@code username} ("" when not configured). */
    GroupAddress(String username) {
        this.username = username.toLowerCase(Locale.ROOT);
        this.mention = username.isEmpty() ? null
                : Pattern.compile("(?<![A-Za-z0-9_])@" + Pattern.quote(username) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);
    }

    /** Whether {@code text}, written in a group, asks something of this bot. */
    boolean meansTheBot(String text) {
        if (text == null) {
            return false;
        }
        java.util.Optional<String> command = CommandRouter.command(text);
        if (command.isPresent()) {
            String name = command.get().substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            int at = name.indexOf('@');
            if (at < 0) {
                return COMMANDS.contains(name);
            }
            return username.isEmpty() || name.substring(at + 1).equals(username);
        }
        return mention != null && mention.matcher(text).find();
    }

    private static Set<String> commands() {
        Set<String> names = new HashSet<>(TelegramWords.COMMANDS);
        names.addAll(TelegramWords.ALIASES.values());
        names.addAll(Set.of("ontkoppel", "unlink"));
        return Set.copyOf(names);
    }
}
