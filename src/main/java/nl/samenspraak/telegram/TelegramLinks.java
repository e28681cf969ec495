package nl.samenspraak.telegram;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deep links into the bot, {@code https://t.me/<bot>?start=<parameter>}, for a team's join code:
 * {@code <flow-id>_<team code>} starts that flow counted under the team. Needs the bot's username
 * ({@code telegram.bot-username}, TELEGRAM_BOT_USERNAME); without it there are no links. Telegram takes a start
 * parameter of 1-64 characters from {@code A-Z a-z 0-9 _ -}; a flow id has no "_", so the first one separates.
 */
@Singleton
public class TelegramLinks {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramLinks.class);
    /** Telegram's rule for a start parameter. */
    static final Pattern START_PARAMETER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Telegram's rule for a bot's username. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
    static final char TEAM_SEPARATOR = '_';

    private final String username;

    @Inject
    public TelegramLinks(TelegramConfiguration configuration) {
        this(configuration.botUsername());
    }

    public TelegramLinks(String configured) {
        String name = configured == null ? "" : configured.strip();
        name = name.startsWith("@") ? name.substring(1) : name;
        if (!name.isEmpty() && !USERNAME.matcher(name).matches()) {
            LOG.warn("TELEGRAM_BOT_USERNAME is not a Telegram username (5-32 of A-Z a-z 0-9 _): no Telegram links are shown");
            name = "";
        }
        this.username = name;
    }

    /** Whether a bot username is configured, so links can be made. */
    public boolean enabled() {
        return !username.isEmpty();
    }

    /** The link that starts {@code flowId} counted under the team of {@code joinCode}; empty without a bot username or when it would not fit. */
    public Optional<String> teamLink(String flowId, String joinCode) {
        return enabled() ? startParameter(flowId, joinCode).map(p -> "https://t.me/" + username + "?start=" + p) : Optional.empty();
    }

    /** The bot's username without "@", "" when none is configured. */
    String username() {
        return username;
    }

    /** The link that opens a private chat with the bot; empty without a bot username. */
    public Optional<String> privateChat() {
        return enabled() ? Optional.of("https://t.me/" + username) : Optional.empty();
    }

    /** {@code <flow-id>_<team code>}, when that is a start parameter Telegram takes. */
    static Optional<String> startParameter(String flowId, String joinCode) {
        if (flowId.indexOf(TEAM_SEPARATOR) >= 0) {
            return Optional.empty();
        }
        String parameter = flowId + TEAM_SEPARATOR + joinCode;
        return START_PARAMETER.matcher(parameter).matches() ? Optional.of(parameter) : Optional.empty();
    }

    /** A start parameter taken apart: the flow, and the team code when there is one (else null). */
    record Start(String flowId, String teamCode) {
        static Start parse(String parameter) {
            int at = parameter.indexOf(TEAM_SEPARATOR);
            return at < 0 ? new Start(parameter, null) : new Start(parameter.substring(0, at), parameter.substring(at + 1));
        }
    }
}
