package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.InstancesOnOneDatabase;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An instance stopped (a rolling deploy's SIGTERM, which closes the application context as {@link
 * InstancesOnOneDatabase#stop} does) while it is storing an answer: the answer is stored and its reply goes out before
 * the instance goes, and the other instance goes on from there. Before, the stop closed the connection at once: the
 * person (through the load balancer, which does not send a POST again) got no reply, and the answer was not stored.
 * The answer is held in flight by a row lock of the test's own on the conversation.
 */
class StopMidAnswerTest {
    private final InstancesOnOneDatabase instances = new InstancesOnOneDatabase();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void anAnswerInFlightWhenItsInstanceStopsIsStoredAndAnswered() throws Exception {
        Map<String, Object> settings = Map.of("samenspraak.jwt-secret", "two instances share one secret, as README says they must");
        EmbeddedServer a = instances.start(settings);
        EmbeddedServer b = instances.start(settings);
        JsonHttp onA = new JsonHttp(a.getURL().toString());
        JsonHttp onB = new JsonHttp(b.getURL().toString());
        String id = onA.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").json().get("id").asText();
        assertEquals(200, answer(onA, id, "welkom", "null").status());

        CompletableFuture<JsonHttp.Reply> inFlight;
        CompletableFuture<Void> stopped;
        try (Connection holder = instances.database().connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            inFlight = CompletableFuture.supplyAsync(() -> answer(onA, id, "rol", "\"professional\""));
            waitFor(this::waitingOnALock, "the answer waits for the row lock");

            stopped = CompletableFuture.runAsync(() -> instances.stop(a));
            int port = a.getPort();
            waitFor(() -> refused(port), "the stopping instance takes no new connections");
            holder.rollback();
        }

        JsonHttp.Reply reply;
        try {
            reply = inFlight.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the answer in flight got no reply when its instance stopped: " + e.getCause(), e);
        }
        stopped.get(20, TimeUnit.SECONDS);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("ervaring_jaren", reply.json().at("/step/id").asText(), reply.body());
        assertEquals("\"professional\"", storedAnswer(id, "rol"), "what the reply called stored is stored");
        JsonHttp.Reply next = answer(onB, id, "ervaring_jaren", "12");
        assertEquals(200, next.status(), "the other instance goes on from there: " + next.body());
        assertEquals("talen", next.json().at("/step/id").asText(), next.body());
    }

    private static JsonHttp.Reply answer(JsonHttp http, String id, String step, String value) {
        return http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + value + "}");
    }

    /**
     * Whether a statement waits for a lock (the answer's update on the row held). Asked on a connection of its own each
     * time: within a transaction PostgreSQL shows pg_stat_activity as it was at its first look.
     */
    private boolean waitingOnALock() {
        try (Connection c = instances.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet r = s.executeQuery()) {
            return r.next() && r.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private String storedAnswer(String conversation, String step) throws SQLException {
        try (Connection c = instances.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT answer_value FROM answer WHERE conversation_id = ? AND step_id = ?")) {
            s.setString(1, conversation);
            s.setString(2, step);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
