package nl.samenspraak.chatlink;

import nl.samenspraak.flow.Channel;

/**
 * Where a person opens a link token in a channel (Telegram: {@code https://t.me/<bot>?start=...}). An interface here,
 * implemented by the channel, because the channel uses {@link ChatLinks}: the use case names what it needs and the
 * dependency keeps pointing one way. Empty when the channel is not set up (no bot): then no link is offered.
 */
public interface LinkAddress {
    /** The channel's name, as {@link ChatLinks} stores its chats under. */
    Channel channel();

    /** Whether the channel is set up to take a link (a bot with its name); without it no link is offered. */
    boolean available();

    /** The address that hands {@code token} to the channel (only asked when {@link #available()}). */
    String address(String token);
}
