package nl.samenspraak.security;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.system.UniqueKeyTaken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating and changing accounts, with the rules for usernames and passwords. Every change to a password,
 * role or enabled state ends the account's sessions (its login tokens stop working).
 */
@Singleton
public class Accounts {
    /** Lower-case letters, digits and . _ @ - (an e-mail address fits), 3 to 64 characters. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,64}");
    /** Token attributes: the account's id and its session version. */
    static final String ACCOUNT_CLAIM = "aid";
    static final String SESSION_CLAIM = "sv";

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordRules rules;

    public Accounts(AccountRepository repository, PasswordEncoder encoder, PasswordRules rules) {
        this.repository = repository;
        this.encoder = encoder;
        this.rules = rules;
    }

    /** How a typed username is compared and stored: trimmed, lower case. */
    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** The id of the account an authentication (a valid login token) belongs to. */
    public static long idOf(Authentication authentication) {
        return ((Number) authentication.getAttributes().get(ACCOUNT_CLAIM)).longValue();
    }

    public Account create(String username, String password, Role role) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused("auth.username_invalid");
        }
        if (repository.findByUsername(name).isPresent()) {
            throw new Refused("auth.username_taken", Map.of("username", name));
        }
        rules.check(name, password);
        Instant now = now();
        try {
            return repository.save(new Account(null, name, encoder.encode(password), role.key(), true, 0, now, now, null));
        } catch (DataAccessException e) {
            // made at the same moment elsewhere, after the look above (UniqueKeyTaken)
            if (UniqueKeyTaken.in(e)) {
                throw new Refused("auth.username_taken", Map.of("username", name));
            }
            throw e;
        }
    }

    public Optional<Account> find(long id) {
        return repository.findById(id);
    }

    public Optional<Account> byUsername(String username) {
        return repository.findByUsername(normalize(username));
    }

    public List<Account> all() {
        return repository.listOrderByUsername();
    }

    public boolean anyAdmin() {
        return repository.existsByRole(Role.ADMIN.key());
    }

    /** The account holder's own change: needs the current password. */
    public Account changePassword(long id, String current, String next) {
        Account account = require(id);
        if (!encoder.matches(current, account.passwordHash())) {
            throw new Refused("auth.current_password_wrong");
        }
        return setPassword(account, next);
    }

    /** An admin sets a new password for someone else (who changes it after logging in). */
    public Account resetPassword(long actorId, long id, String next) {
        notYourself(actorId, id);
        return setPassword(require(id), next);
    }

    private Account setPassword(Account account, String next) {
        rules.check(account.username(), next);
        return repository.update(account.withPassword(encoder.encode(next), now()));
    }

    public Account setRole(long actorId, long id, Role role) {
        notYourself(actorId, id);
        Account account = require(id);
        return account.is(role) ? account : repository.update(account.withRole(role, now()));
    }

    public Account setEnabled(long actorId, long id, boolean enabled) {
        notYourself(actorId, id);
        Account account = require(id);
        return account.enabled() == enabled ? account : repository.update(account.withEnabled(enabled, now()));
    }

    public void delete(long actorId, long id) {
        notYourself(actorId, id);
        repository.deleteById(require(id).id());
    }

    /** Logs the account out everywhere. */
    public void endSessions(long id) {
        repository.endSessions(id, now());
    }

    /**
     * An admin never disables, deletes or demotes their own account (nor sets its password without the current
     * one), so there is always an enabled admin (the one acting) and nobody locks themselves out by mistake.
     */
    private static void notYourself(long actorId, long id) {
        if (actorId == id) {
            throw new Refused("admin.not_yourself");
        }
    }

    private Account require(long id) {
        return repository.findById(id).orElseThrow(() -> new Refused("admin.account_not_found"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
