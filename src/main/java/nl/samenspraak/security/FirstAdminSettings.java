package nl.samenspraak.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code samenspraak.admin.*} (SAMENSPRAAK_ADMIN_USERNAME, SAMENSPRAAK_ADMIN_PASSWORD): the first admin, made at start
 * while no admin exists ({@link FirstAdmin}). Neither has a default, anywhere.
 */
@ConfigurationProperties("samenspraak.admin")
public record FirstAdminSettings(@Nullable String username, @Nullable String password) {

    String usernameOrEmpty() {
        return username == null ? "" : username;
    }

    String passwordOrEmpty() {
        return password == null ? "" : password;
    }
}
