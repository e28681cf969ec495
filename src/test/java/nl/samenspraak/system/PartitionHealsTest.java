package nl.samenspraak.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.ServiceBehindProxy;
import nl.samenspraak.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network partition between the service and PostgreSQL heals, but the connections open while it lasted stay
 * half-open (the database forgot them; nothing tells the service). The service must be back within about a second
 * of the database's return and stay back: readiness must not flap while the pool gets rid of what it held. Found by
 * measuring (issue 11): back after 2.2 s, because the look for the database hung a second on a connection the network
 * had swallowed, and then the pool validated its half-open idle connections half a second each, so a request's
 * second ran out and the outage began again (a second line in the log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionHealsTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServiceBehindProxy service;
    private TcpProxy proxy;
    private EmbeddedServer server;

    @BeforeAll
    void start() {
        service = ServiceBehindProxy.start();
        proxy = service.proxy();
        server = service.server();
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void afterAPartitionHealsWithHalfOpenConnectionsTheServiceIsBackWithinASecondAndStaysBack() throws Exception {
        String id = conversationOnceUp();
        // several requests at once: the pool holds several connections when the network goes
        List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            together.add(client.sendAsync(request("GET", "/api/conversations/" + id, null), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> r : together) {
            assertEquals(200, r.get().statusCode());
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            proxy.freeze();
            assertEquals(503, send("GET", "/api/conversations/" + id, null).statusCode(), "the outage begins");
            Thread.sleep(1_500); // it lasts: the service's looks for the database hang on swallowed connections
            proxy.thaw();
            long back = System.nanoTime();
            long firstUp = -1;
            List<String> afterwards = new ArrayList<>();
            while (System.nanoTime() - back < 4_000_000_000L) {
                HttpResponse<String> answer = send("GET", "/api/conversations/" + id, null);
                HttpResponse<String> readiness = send("GET", "/health/readiness", null);
                long at = (System.nanoTime() - back) / 1_000_000;
                if (firstUp < 0 && answer.statusCode() == 200 && readiness.statusCode() == 200) {
                    firstUp = at;
                } else if (firstUp >= 0 && (answer.statusCode() != 200 || readiness.statusCode() != 200)) {
                    afterwards.add(at + " ms: answer " + answer.statusCode() + ", readiness " + readiness.statusCode());
                }
                Thread.sleep(20);
            }
            assertTrue(firstUp >= 0 && firstUp < 1200, "back within about a second of the database's return: " + firstUp + " ms");
            assertEquals(List.of(), afterwards, "and stays back (no flapping)");
        } finally {
            root.detachAppender(log);
            proxy.restore();
        }
        List<String> warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), "one line for the one outage: " + warnings);
    }

    /**
     * Requests that wait for a connection when the network freezes make the pool open a new one, into a network that
     * swallows it. PostgreSQL's driver waits 5 s for the first answer (to its question whether to speak TLS) unless
     * told otherwise, and the pool opens connections one at a time: that one attempt held up every later one, so
     * after the partition healed the pool stayed empty for seconds (every request 503, the outage begun again every
     * 1.25 s) although the database answered. Seen in CI as this class's other test failing now and then.
     */
    @Test
    void requestsWaitingForAConnectionWhenTheNetworkFreezesDoNotLeaveThePoolStuckAfterwards() throws Exception {
        String id = conversationOnceUp();
        try {
            proxy.freeze();
            List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                together.add(client.sendAsync(request("GET", "/api/conversations/" + id, null), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> r : together) {
                assertEquals(503, r.get().statusCode(), "the outage begins");
            }
            Thread.sleep(1_500);
            proxy.thaw();
            long back = System.nanoTime();
            long firstUp = -1;
            while (firstUp < 0 && System.nanoTime() - back < 6_000_000_000L) {
                if (send("GET", "/api/conversations/" + id, null).statusCode() == 200) {
                    firstUp = (System.nanoTime() - back) / 1_000_000;
                }
                Thread.sleep(20);
            }
            assertTrue(firstUp >= 0 && firstUp < 1200, "back within about a second of the database's return: " + firstUp + " ms");
        } finally {
            proxy.restore();
        }
    }

    /**
     * A new conversation's id, once the service answers: the other test's partition may have just ended (the proxy
     * closed every connection, and the first request to meet a closed one begins an outage of a moment).
     */
    private String conversationOnceUp() throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (true) {
            HttpResponse<String> started = send("POST", "/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
            if (started.statusCode() == 201 || System.nanoTime() > until) {
                assertEquals(201, started.statusCode(), started.body());
                return new ObjectMapper().readTree(started.body()).get("id").asText();
            }
            Thread.sleep(50);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return request.build();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }
}
