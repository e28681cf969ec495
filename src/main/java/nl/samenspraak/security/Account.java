package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A person who logs in: a lower-case username, a BCrypt hash of the password, one {@link Role}. Login tokens
 * carry {@code sessionVersion}; raising it ends every session of the account at once. {@code interfaceLanguage}: the
 * language of the person's own pages, chosen on their account page (null: the browser's).
 */
@MappedEntity("account")
public record Account(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        String role,
        boolean enabled,
        long sessionVersion,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String interfaceLanguage) {

    public boolean is(Role r) {
        return r.key().equals(role);
    }

    Account withPassword(String hash, Instant now) {
        return new Account(id, username, hash, role, enabled, sessionVersion + 1, createdAt, now, interfaceLanguage);
    }

    Account withRole(Role r, Instant now) {
        return new Account(id, username, passwordHash, r.key(), enabled, sessionVersion + 1, createdAt, now, interfaceLanguage);
    }

    Account withEnabled(boolean on, Instant now) {
        return new Account(id, username, passwordHash, role, on, sessionVersion + 1, createdAt, now, interfaceLanguage);
    }
}
