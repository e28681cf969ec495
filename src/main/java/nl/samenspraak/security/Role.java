package nl.samenspraak.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. An admin manages teams and accounts; a manager sees the anonymous answers of
 * their teams; an intermediair collects residents' answers for their teams. One role per account.
 */
public enum Role {
    ADMIN, MANAGER, INTERMEDIAIR;

    /** The role names as {@code @Secured} needs them (constants) and as tokens and the database store them. */
    public static final String ADMIN_NAME = "admin";
    public static final String MANAGER_NAME = "manager";
    public static final String INTERMEDIAIR_NAME = "intermediair";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}
