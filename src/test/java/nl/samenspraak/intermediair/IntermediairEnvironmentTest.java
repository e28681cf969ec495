package nl.samenspraak.intermediair;

import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variables README documents for this feature, on the service as it runs from the environment:
 * TELEGRAM_BOT_USERNAME shows a team's Telegram links, SAMENSPRAAK_INTERMEDIAIR_RESIDENT_LINK_LIFETIME sets how
 * long a resident link works.
 */
class IntermediairEnvironmentTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Test
    void theBotUsernameAndTheResidentLinkLifetimeComeFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log, Map.of(
                "SAMENSPRAAK_ADMIN_USERNAME", "beheer", "SAMENSPRAAK_ADMIN_PASSWORD", PASSWORD,
                "TELEGRAM_BOT_USERNAME", "EnvTestBot", "SAMENSPRAAK_INTERMEDIAIR_RESIDENT_LINK_LIFETIME", "2h"))) {
            assertTrue(service.awaitReady(Duration.ofSeconds(60)), () -> read(log));
            PageHttp http = new PageHttp(service.url());
            String admin = http.login("beheer", PASSWORD);

            PageHttp.Reply team = http.post("/admin/teams", form("name", "Wijkteam Omgeving", "wijken", "Oost", "lang", "nl"), admin);
            assertEquals(303, team.status(), team.body());
            String teamPath = team.location().substring(0, team.location().indexOf('?'));
            String page = http.get(team.location(), admin).body();
            assertTrue(page.matches("(?s).*value=\"https://t\\.me/EnvTestBot\\?start=werk-jij-diversiteitsproof_[A-Z0-9]{16}\".*"), page);

            PageHttp.Reply account = http.post("/admin/accounts", form("username", "sleutelpersoon", "password", PASSWORD,
                    "role", "intermediair", "lang", "nl"), admin);
            assertEquals(303, account.status(), account.body());
            String accountId = account.location().replaceAll("^/admin/accounts/(\\d+).*", "$1");
            assertEquals(303, http.post(teamPath + "/members", form("account", accountId, "lang", "nl"), admin).status());

            String intermediair = http.login("sleutelpersoon", PASSWORD);
            Instant before = Instant.now();
            PageHttp.Reply made = http.post("/intermediair/links", form("flow", "wijkanalyse", "language", "tr",
                    "place", teamPath.substring("/admin/teams/".length()) + "|Oost", "lang", "nl"), intermediair);
            assertEquals(303, made.status(), made.body());
            Matcher until = Pattern.compile("<time datetime=\"([^\"]+)\">").matcher(http.get(made.location(), intermediair).body());
            assertTrue(until.find());
            Duration lifetime = Duration.between(before, Instant.parse(until.group(1)));
            assertTrue(lifetime.compareTo(Duration.ofMinutes(119)) > 0 && lifetime.compareTo(Duration.ofMinutes(121)) < 0,
                    "two hours, not the default eight: " + lifetime);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
