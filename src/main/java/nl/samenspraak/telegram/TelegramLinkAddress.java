package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.chatlink.LinkAddress;
import nl.samenspraak.flow.Channel;

/**
 * Where a professional opens the token that links their Telegram chat to their account: the bot's deep link
 * {@code https://t.me/<bot>?start=LINK<token>}. Only with a bot that runs here (its token) and has a name to link to
 * (TELEGRAM_BOT_USERNAME); otherwise the page offers no link. A flow id is lower case, so "LINK" never starts one.
 */
@Singleton
class TelegramLinkAddress implements LinkAddress {
    /** What starts a link token's start parameter. */
    static final String PREFIX = "LINK";

    private final TelegramSettings settings;
    private final TelegramLinks links;

    TelegramLinkAddress(TelegramSettings settings, TelegramLinks links) {
        this.settings = settings;
        this.links = links;
    }

    @Override
    public Channel channel() {
        return ChatActions.CHANNEL;
    }

    @Override
    public boolean available() {
        return settings.enabled() && links.enabled();
    }

    @Override
    public String address(String token) {
        return links.privateChat().orElseThrow() + "?start=" + PREFIX + token;
    }
}
