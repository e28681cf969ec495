package nl.samenspraak.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import nl.samenspraak.web.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin, when the web server is made, before it takes its first request: from SAMENSPRAAK_ADMIN_USERNAME and
 * SAMENSPRAAK_ADMIN_PASSWORD, and only while no admin exists. Without them (and without an admin) a warning says how
 * to make one; there is never a default password. Not on the server's start-up event: the server answers requests a
 * moment before that event is handled, and a login in that moment would find no account. Not at all in the
 * create-admin command, which makes no web server.
 */
@Singleton
public class FirstAdmin implements BeanCreatedEventListener<EmbeddedServer> {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final Pages pages;
    private final String username;
    private final String password;

    public FirstAdmin(Accounts accounts, Pages pages, FirstAdminSettings settings) {
        this.accounts = accounts;
        this.pages = pages;
        this.username = settings.usernameOrEmpty();
        this.password = settings.passwordOrEmpty();
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        ensure();
        return event.getBean();
    }

    private void ensure() {
        if (accounts.anyAdmin()) {
            if (!password.isBlank()) {
                LOG.info("An admin account exists already, so SAMENSPRAAK_ADMIN_USERNAME/PASSWORD are not used; "
                        + "remove them from the environment.");
            }
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            LOG.warn("There is no admin account yet. Start once with SAMENSPRAAK_ADMIN_USERNAME and "
                    + "SAMENSPRAAK_ADMIN_PASSWORD set, or run: java -jar {} {} <username>",
                    jar(), CreateAdminCommand.NAME);
            return;
        }
        try {
            Account admin = accounts.create(username, password, Role.ADMIN);
            LOG.info("Created the first admin account '{}' from SAMENSPRAAK_ADMIN_USERNAME; you can now remove "
                    + "SAMENSPRAAK_ADMIN_PASSWORD from the environment.", admin.username());
        } catch (Refused e) {
            if (accounts.anyAdmin()) {
                // instances started together: another made it between the look above and this one's insert
                LOG.info("Another instance created the first admin account at the same moment; "
                        + "you can now remove SAMENSPRAAK_ADMIN_PASSWORD from the environment.");
                return;
            }
            LOG.error("No admin account was created from SAMENSPRAAK_ADMIN_USERNAME/PASSWORD: {}",
                    pages.message("en", e.key(), e.parameters()));
        }
    }

    /** The jar this runs from, as the command to make an admin names it (a build's path inside the build). */
    static String jar() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(FirstAdmin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : "target/samenspraak-0.1.0.jar";
        } catch (Exception | Error e) {
            return "samenspraak.jar";
        }
    }
}
