package nl.samenspraak.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A refusal the framework answers before any route (here 405, a PUT on a conversation's address) is said in the
 * conversation's language where the instance knows it without asking the database: it is answered on the
 * connection's network thread, and a read there waited for the database. With the conversations' table locked (a
 * long migration, a slow disk), sixteen such requests held every network thread, and the service answered nobody,
 * not even its ping, until the lock went (the audit of December 2026: the start page 12 s). On PostgreSQL, whose
 * table lock makes a read wait.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsDoNotWaitForTheDatabaseTest implements OnPostgres {
    @Inject
    EmbeddedServer server;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String user;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void refusedRequestsLeaveTheServiceAnsweringWhileTheDatabaseWaits() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = server.getURL().toString();
        try (Connection lock = DriverManager.getConnection(url, user, password)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE conversation IN ACCESS EXCLUSIVE MODE");
            }
            List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                refused.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/conversations/" + UUID.randomUUID()))
                        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").header("Accept-Language", "ar").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> reply : refused) {
                HttpResponse<String> r = reply.get();
                assertEquals(405, r.statusCode(), r.body());
                assertEquals("ar", r.headers().firstValue("Content-Language").orElse(""), "as asked: nothing stored was read");
            }
            HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create(base + "/api/ping"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode(), "the service still answers while the table is locked");
            lock.rollback();
        }
    }
}
