package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.chatlink.ChatLinks;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.OwnConnections;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A staff member's Telegram link tokens (a hash, their account, when it stops working, when it was used) go in the
 * daily run a day after they stopped working, used or not: before, an account's spent tokens went only when that
 * account made a new one, so one that made a link once kept them for ever. A token that expired within the day stays,
 * so a chat that sends it late is still told it expired (make a new one), not that it was used or never made. Its own
 * database: the job deletes across all accounts.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-link-tokens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionLinkTokensTest {
    @Inject
    RetentionJob job;
    @Inject
    OwnConnections connections;
    @Inject
    Accounts accounts;
    @Inject
    ChatLinks chatLinks;

    @Test
    void tokensADayPastTheirEndGoWorkingAndJustExpiredOnesStay() throws Exception {
        Account account = accounts.create("koppelaar-" + UUID.randomUUID().toString().substring(0, 8), "a long enough password",
                Role.INTERMEDIAIR);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String working = token(account, now.plus(Duration.ofMinutes(10)), null);
        String justExpired = token(account, now.minus(Duration.ofHours(1)), null);
        String longExpired = token(account, now.minus(Duration.ofDays(2)), null);
        String longUsed = token(account, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)).minus(Duration.ofMinutes(5)));

        job.run(now);

        assertEquals(1, count(working), "a working token stays");
        assertEquals(1, count(justExpired), "expired an hour ago: kept a day");
        assertEquals(0, count(longExpired), "never used and expired two days ago: gone");
        assertEquals(0, count(longUsed), "used two days ago: gone");
        assertInstanceOf(ChatLinks.Redeemed.Expired.class, chatLinks.redeem(Channel.TELEGRAM, "chat-late", justExpired),
                "a late tap is told the link expired");
        assertInstanceOf(ChatLinks.Redeemed.Linked.class, chatLinks.redeem(Channel.TELEGRAM, "chat-now", working));
        assertEquals(2, tokens(account), "only the working (now used) and the just expired one are left");
    }

    /** Stores a link token of {@code account} as ChatLinks does (its SHA-256 only); returns the token itself. */
    private String token(Account account, Instant expires, Instant used) throws Exception {
        String token = UUID.randomUUID().toString();
        try (Connection c = connections.open(10); PreparedStatement s = c.prepareStatement(
                "INSERT INTO chat_link_token (token_hash, account_id, expires_at, used_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, hash(token));
            s.setLong(2, account.id());
            s.setObject(3, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
            if (used == null) {
                s.setNull(4, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setObject(4, OffsetDateTime.ofInstant(used, ZoneOffset.UTC));
            }
            s.executeUpdate();
        }
        return token;
    }

    private long count(String token) throws Exception {
        return count("SELECT COUNT(*) FROM chat_link_token WHERE token_hash = ?", hash(token));
    }

    private long tokens(Account account) throws Exception {
        return count("SELECT COUNT(*) FROM chat_link_token WHERE account_id = ?", account.id());
    }

    private long count(String sql, Object value) throws Exception {
        try (Connection c = connections.open(10); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String hash(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
