package nl.samenspraak.telegram;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Routes a typed command ({@code /terug}, {@code /back}, {@code /start voorbeeld}) to what it asks for. */
final class CommandRouter {
    /** Unicode's format characters: direction marks and isolates, zero-width spaces and joiners. */
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

    private final ChatActions actions;

    CommandRouter(ChatActions actions) {
        this.actions = actions;
    }

    /**
     * The command a message holds, or empty when it holds none. Format characters are left out first: the bot
     * itself wraps a command in Arabic in a left-to-right isolate ("\u2066/hervat KSD5-3U83\u2069"), and a
     * right-to-left keyboard may put a mark before the slash, so a command copied from the bot's own message or typed
     * there was taken for an answer. An answer keeps them (a joiner belongs to the words it is in).
     */
    static Optional<String> command(String text) {
        String bare = FORMAT.matcher(text).replaceAll("").strip();
        return bare.startsWith("/") ? Optional.of(bare) : Optional.empty();
    }

    /** Whether {@code command} (as {@link #command} gives it) starts something named: a flow, a team's or a link's. */
    static boolean startsSomethingNamed(String command) {
        String[] parts = command.substring(1).split("\\s+", 2);
        String name = parts[0].contains("@") ? parts[0].substring(0, parts[0].indexOf('@')) : parts[0];
        return name.equalsIgnoreCase("start") && parts.length > 1 && !parts[1].isBlank();
    }

    void route(ChatContext chat, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].contains("@") ? parts[0].substring(0, parts[0].indexOf('@')) : parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name.toLowerCase(Locale.ROOT)) {
            case "start" -> {
                if (argument.isEmpty()) {
                    actions.menu(chat, "");
                } else if (argument.startsWith(TelegramLinkAddress.PREFIX)) {
                    actions.link(chat, argument.substring(TelegramLinkAddress.PREFIX.length()));
                } else {
                    actions.startFlow(chat, argument);
                }
            }
            case "help" -> actions.sender().send(chat.chatId, actions.view().help(chat.language(), actions.flowOf(chat), ""));
            case "taal", "language" -> {
                // "/taal ar" names the language at once; without one (or one the project lacks), the list to choose from
                if (actions.speaks(argument.toLowerCase(Locale.ROOT))) {
                    actions.changeLanguage(chat, argument.toLowerCase(Locale.ROOT));
                } else {
                    actions.languageMenu(chat, "");
                }
            }
            case "terug", "back" -> actions.back(chat);
            case "opnieuw", "restart" -> actions.restart(chat);
            case "stop", "pause" -> actions.pause(chat);
            case "hervat", "resume" -> actions.resume(chat, argument);
            case "resultaat", "result" -> actions.result(chat);
            case "vergeet", "forget" -> actions.forgetQuestion(chat);
            case "ontkoppel", "unlink" -> actions.unlink(chat);
            default -> {
                String flowId = actions.flowOf(chat);
                actions.sender().send(chat.chatId, actions.view().help(chat.language(), flowId,
                        actions.words().say(chat.language(), flowId, "unknown_command", Map.of())));
            }
        }
    }
}
