package nl.samenspraak.chatlink;

import nl.samenspraak.flow.Channel;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A professional's chat linked to their account, so the chat starts conversations as that account does on the
 * intermediair's page (who then holds one is {@code StartConversation#startBy}'s rule, not this class's nor the
 * channel's). Made with a single-use token from the logged-in page: random, valid for {@link #VALID_FOR}, stored as
 * its SHA-256 only, claimed by one chat at most; kept in the database so any instance may make or redeem it. A chat
 * is linked to one account; unlinking (in the chat, or all of an account's chats on the page) ends it.
 */
@Singleton
public class ChatLinks {
    /** How long a link token works: long enough to open it on the phone, short enough not to linger. */
    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    /**
     * How long a token is kept after it stopped working: a chat that sends it a little late is told it expired (make
     * a new one), not that it was used or never made. A used one has stopped working too (its use came before its end).
     */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatLinkRepository links;
    private final LinkTokenRepository tokens;
    private final List<LinkAddress> addresses;

    public ChatLinks(ChatLinkRepository links, LinkTokenRepository tokens, List<LinkAddress> addresses) {
        this.links = links;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    /** A new link for the account: where to open it, and until when it works. */
    public record NewLink(Channel channel, String address, Instant validUntil) {
    }

    /** What came of a token a chat sent: linked (to {@code accountId}), expired, or unknown (used already, or never made). */
    public sealed interface Redeemed {
        record Linked(long accountId) implements Redeemed {
        }

        record Expired() implements Redeemed {
        }

        record Unknown() implements Redeemed {
        }
    }

    /** Whether any channel can take a link now (a bot is set up); without one the page offers none. */
    public boolean offered() {
        return addresses.stream().anyMatch(LinkAddress::available);
    }

    /** Makes a single-use token for the account and its address in the first channel set up; empty without one. */
    public Optional<NewLink> newLink(long accountId) {
        Optional<LinkAddress> channel = addresses.stream().filter(LinkAddress::available).findFirst();
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = now();
        tokens.deleteSpent(accountId, now);
        Instant until = now.plus(VALID_FOR);
        tokens.save(new LinkTokenRecord(hash(token), accountId, until, null));
        return Optional.of(new NewLink(channel.get().channel(), channel.get().address(token), until));
    }

    /** A chat ({@code channel} and the key it stores the chat under) sends a token: links it when the token still works. */
    public Redeemed redeem(Channel channel, String chatKey, String token) {
        String hash = hash(token);
        Instant now = now();
        if (tokens.claim(hash, now) == 0) {
            return tokens.findById(hash).filter(t -> t.usedAt() == null).isPresent()
                    ? new Redeemed.Expired() : new Redeemed.Unknown();
        }
        long account = tokens.findById(hash).orElseThrow().accountId();
        String chat = key(channel, chatKey);
        ChatLinkRecord link = new ChatLinkRecord(chat, account, now);
        if (links.existsById(chat)) {
            links.update(link);
        } else {
            links.save(link);
        }
        return new Redeemed.Linked(account);
    }

    /**
     * Deletes the tokens that stopped working over {@link #KEPT_AFTER_EXPIRY} before {@code now} (the daily retention
     * run): an account's spent ones went only when that account made a new one, so one that never did kept them for
     * ever. How many went.
     */
    public int deleteExpired(Instant now) {
        return tokens.deleteExpiredBefore(now.minus(KEPT_AFTER_EXPIRY));
    }

    /** The chat as the conversation use cases know it: its account's, when linked; else public. */
    public Caller callerOf(Channel channel, String chatKey) {
        return links.findById(key(channel, chatKey)).map(l -> Caller.linkedChat(l.accountId())).orElse(Caller.PUBLIC);
    }

    /** Unlinks the chat; false when it was not linked. */
    public boolean unlink(Channel channel, String chatKey) {
        String chat = key(channel, chatKey);
        if (!links.existsById(chat)) {
            return false;
        }
        links.deleteById(chat);
        return true;
    }

    /** Unlinks every chat of the account (the page's "Ontkoppel"); how many there were. */
    public int unlinkAll(long accountId) {
        return links.deleteByAccountId(accountId);
    }

    /** Whether a chat is linked to the account. */
    public boolean linked(long accountId) {
        return links.existsByAccountId(accountId);
    }

    private static String key(Channel channel, String chatKey) {
        return channel.key() + ":" + chatKey;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
