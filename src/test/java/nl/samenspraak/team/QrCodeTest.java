package nl.samenspraak.team;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.QrReader;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The QR code of a join link is a PNG that a phone's camera reads as the link itself. */
@SharedService
class QrCodeTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Teams teams;
    @Inject
    Accounts accounts;

    @Test
    void theAdminGetsAPngThatReadsAsTheJoinLink() throws Exception {
        Team team = teams.create(TeamsContract.unique("QR-team"), List.of());
        accounts.create("qr-admin-" + team.id(), "a long enough password", Role.ADMIN);
        PageHttp http = new PageHttp(server.getURL().toString());
        String cookie = http.login("qr-admin-" + team.id(), "a long enough password");

        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                http.request("/admin/teams/" + team.id() + "/qr.png").header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(server.getURL() + "/t/" + team.joinCode(), QrReader.read(r.body()));
    }

    @Test
    void theLinkUsesTheConfiguredPublicAddressWhenThereIsOne() throws Exception {
        Team team = new Team(1L, "Noord", "ABCDEFGHJKMNPQRS", Instant.now());
        JoinLinks configured = new JoinLinks("https://samenspraak.example.nl/");
        String url = configured.url(team, HttpRequest.GET("/admin/teams/1").header("Host", "10.0.0.5:8080"));
        assertEquals("https://samenspraak.example.nl/t/ABCDEFGHJKMNPQRS", url);
        assertEquals(url, QrReader.read(new ZxingQrCodes().png(url)));
        assertEquals("http://10.0.0.5:8080/t/ABCDEFGHJKMNPQRS",
                new JoinLinks("").url(team, HttpRequest.GET("/admin/teams/1").header("Host", "10.0.0.5:8080")));
    }
}
