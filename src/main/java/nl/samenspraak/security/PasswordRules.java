package nl.samenspraak.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What a password must be: at least {@code samenspraak.security.password-min-length} characters (12 in
 * application.yml), at most 72 bytes (all that BCrypt reads), and not the username.
 */
@Singleton
public class PasswordRules {
    static final int MAX_BYTES = 72;

    private final int minLength;

    @Inject
    public PasswordRules(SecuritySettings settings) {
        this(settings.passwordMinLength());
    }

    PasswordRules(int minLength) {
        this.minLength = Math.max(8, minLength);
    }

    public int minLength() {
        return minLength;
    }

    /** Throws {@link Refused} with the reason when {@code password} may not be used by {@code username}. */
    public void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new Refused("auth.password_too_short", Map.of("min", minLength));
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            // said in bytes, with what counts for more: "at most 72 characters" refused a 42-letter Arabic password
            throw new Refused("auth.password_too_long", Map.of("max", MAX_BYTES, "bytes", bytes));
        }
        if (username != null && password.trim().toLowerCase(Locale.ROOT).equals(username.trim().toLowerCase(Locale.ROOT))) {
            throw new Refused("auth.password_is_username");
        }
    }
}
