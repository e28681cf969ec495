package nl.samenspraak.security;

import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first admin, as an operator makes one on a fresh machine: from environment variables at the first
 * start, or with the create-admin command; without either there is no account at all (and no default
 * password). The service runs as its own process here, as `java -jar` runs it.
 */
class FirstAdminTest {
    static final String PASSWORD = "first admin's password";
    /** The service's own logging (INFO, system.LogSetup), not the tests' file (WARN). */
    static final String PRODUCTION_LOGGING = "logback.configurationFile=";

    /**
     * What an operator sees on a fresh machine without configuration, then does as the log says: run the
     * create-admin command and start again. One scenario, so the first start serves both (a start is seconds).
     */
    @Test
    void withoutConfigurationThereIsNoAccountUntilTheCommandTheLogNamesMakesOne(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(data, log, PRODUCTION_LOGGING)) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            PageHttp http = pages(service);
            for (String[] guess : new String[][] {{"admin", "admin"}, {"admin", "samenspraak"}, {"beheer", "beheer"}}) {
                assertEquals(401, http.post("/login", form("username", guess[0], "password", guess[1]), null).status());
            }
        }
        String output = Files.readString(log);
        assertTrue(output.contains("There is no admin account yet"), output);
        assertTrue(output.contains("create-admin"), output);
        assertTrue(output.contains("SAMENSPRAAK_JWT_SECRET is not set"), output);
        assertEquals(List.of(), usernames(data));

        theCreateAdminCommandReadsThePasswordFromStandardInputAndItsAdminLogsIn(dir, data);
    }

    @Test
    void theEnvironmentMakesTheFirstAdminOnlyWhileThereIsNone(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        Map<String, String> first = Map.of("SAMENSPRAAK_ADMIN_USERNAME", "Beheer", "SAMENSPRAAK_ADMIN_PASSWORD", PASSWORD,
                "SAMENSPRAAK_JWT_SECRET", "a secret for this test that is long enough");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log, first, PRODUCTION_LOGGING)) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            PageHttp.Reply login = pages(service).post("/login", form("username", "beheer", "password", PASSWORD), null);
            assertEquals(303, login.status());
            assertEquals("/admin/teams?lang=nl", login.location());
        }
        String output = Files.readString(log);
        assertTrue(output.contains("Created the first admin account 'beheer'"), output);
        assertTrue(!output.contains(PASSWORD), "the password is never logged");
        assertTrue(!output.contains("SAMENSPRAAK_JWT_SECRET is not set"), output);

        Map<String, String> second = Map.of("SAMENSPRAAK_ADMIN_USERNAME", "tweede", "SAMENSPRAAK_ADMIN_PASSWORD", PASSWORD);
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), dir.resolve("second.log"), second, PRODUCTION_LOGGING)) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(dir.resolve("second.log")));
            assertEquals(401, pages(service).post("/login", form("username", "tweede", "password", PASSWORD), null).status());
        }
        assertTrue(Files.readString(dir.resolve("second.log")).contains("An admin account exists already"));
        assertEquals(List.of("beheer:admin"), usernames(dir.resolve("data")));
    }

    /** The create-admin command on {@code data}, then a start with that account (the log no longer asks for one). */
    private static void theCreateAdminCommandReadsThePasswordFromStandardInputAndItsAdminLogsIn(Path dir, Path data) throws Exception {
        Path out = dir.resolve("command.log");
        assertEquals(0, ServiceProcess.command(data, out, PASSWORD + "\n", CreateAdminCommand.NAME, "Anna"), Files.readString(out));
        assertTrue(Files.readString(out).contains("Created admin account 'anna'."), Files.readString(out));
        assertTrue(!Files.readString(out).contains(PASSWORD), "the password is not echoed");
        // the command signs no login token: a warning that logins end at a restart would only alarm the operator
        assertTrue(!Files.readString(out).contains("SAMENSPRAAK_JWT_SECRET"), Files.readString(out));
        assertEquals(List.of("anna:admin"), usernames(data));

        Path log = dir.resolve("after-command.log");
        try (ServiceProcess service = ServiceProcess.start(data, log, PRODUCTION_LOGGING)) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            assertEquals(303, pages(service).post("/login", form("username", "anna", "password", PASSWORD), null).status());
        }
        assertTrue(!Files.readString(log).contains("There is no admin account yet"));
    }

    private static PageHttp pages(ServiceProcess service) {
        return new PageHttp(service.url());
    }

    /** username:role of every account in the service's embedded database (after it stopped). */
    static List<String> usernames(Path dataDir) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("samenspraak") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet r = c.createStatement().executeQuery("select username, role from account order by username")) {
            while (r.next()) {
                names.add(r.getString(1) + ":" + r.getString(2));
            }
        }
        return names;
    }
}
