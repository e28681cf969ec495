package nl.samenspraak.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.StatementCounter;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one answered turn asks of the database, for the README's capacity model: the statements (each a round trip)
 * and commits of a turn through the JSON API, walking the benchmark's script one answer at a time (so no two answers
 * share a commit). Prints the figures; fails when a turn takes more than the model says.
 */
abstract class TurnCostContract {
    /** The benchmark's script (ConversationBenchmark): the example flow, ten answers. */
    static final String[][] SCRIPT = {
            {"welkom", "null"}, {"rol", "\"professional\""}, {"ervaring_jaren", "12"},
            {"talen", "[\"turks\",\"nederlands\"]"}, {"tolk", "\"ja\""}, {"tolk_taal", "\"Tarifit\""},
            {"houding", "4"}, {"kennis", "\"iets\""}, {"laatste_gesprek", "\"2024-03-01\""},
            {"opmerking", "\"Dank je\""}};
    private static final int CONVERSATIONS = 5;

    @Inject
    EmbeddedServer server;
    @Inject
    StatementCounter counter;
    @Inject
    DataSource dataSource;

    abstract String database();

    /**
     * The statements that move the conversation on and keep an answer: on PostgreSQL one (the conditional update feeds
     * the insert, one round trip), on H2 two (in this process, no round trip to save).
     */
    abstract int statementsToKeepAnAnswer();

    /**
     * Statements of a start: the start limit's count and its note of the attempt (on PostgreSQL after the bucket's
     * advisory lock), then the conversation and its resume code (on PostgreSQL one statement, sent with the batch's
     * other starts; on H2 two).
     */
    abstract int statementsToStart();

    /** Bytes the database wrote for what happened since {@code mark} was taken; -1 when it cannot tell. */
    long bytesWrittenSince(long mark) {
        return -1;
    }

    long mark() {
        return -1;
    }

    /**
     * Each step's cost is the least it took in five conversations: the counter sees the whole database, and a
     * background job (retention, the flow fingerprints) may commit during one turn, never during all five.
     */
    @Test
    void anAnsweredTurnTakesTheStatementsOfTheModelAndOneCommit() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        StatementCounter.Counts[] least = new StatementCounter.Counts[SCRIPT.length];
        StatementCounter.Counts leastStart = null;
        long mark = mark();
        for (int n = 0; n < CONVERSATIONS; n++) {
            StatementCounter.Counts before = counter.counts();
            JsonHttp.Reply started = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
            assertEquals(201, started.status(), started.body());
            leastStart = least(leastStart, counter.counts().minus(before));
            String id = started.json().get("id").asText();
            for (int i = 0; i < SCRIPT.length; i++) {
                StatementCounter.Counts t0 = counter.counts();
                JsonHttp.Reply reply = http.post("/api/conversations/" + id + "/answers",
                        "{\"step\":\"" + SCRIPT[i][0] + "\",\"value\":" + SCRIPT[i][1] + "}");
                assertEquals(200, reply.status(), reply.body());
                least[i] = least(least[i], counter.counts().minus(t0));
            }
            JsonNode last = http.get("/api/conversations/" + id).json();
            assertTrue(last.get("done").asBoolean(), "the script walks the flow to its end");
        }
        long bytes = bytesWrittenSince(mark);
        int answered = CONVERSATIONS * SCRIPT.length;
        long statements = 0;
        long commits = 0;
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < SCRIPT.length; i++) {
            statements += least[i].statements();
            commits += least[i].commits();
            steps.append(String.format(" %s %d/%d", SCRIPT[i][0], least[i].statements(), least[i].commits()));
        }
        System.out.printf("%s, per answered turn: %.1f statements, %.1f commits (per step, statements/commits:%s); "
                        + "per start: %d statements, %d commits%s%n", database(), (double) statements / SCRIPT.length,
                (double) commits / SCRIPT.length, steps, leastStart.statements(), leastStart.commits(),
                bytes < 0 ? "" : String.format("; %.0f bytes of WAL per answered turn (starts included)", (double) bytes / answered));
        assertEquals(2, leastStart.commits(), "a start is the limit's commit and the conversation's");
        assertEquals(statementsToStart(), leastStart.statements(), "the statements of a start");
        for (int i = 0; i < SCRIPT.length; i++) {
            // an info step ("welkom") leaves no answer row: the conditional UPDATE alone
            int expected = SCRIPT[i][1].equals("null") ? 1 : statementsToKeepAnAnswer();
            assertEquals(1, least[i].commits(), "one commit for the answer to " + SCRIPT[i][0] + "\n" + String.join("\n", counter.recent()));
            assertEquals(expected, least[i].statements(), "the answer to " + SCRIPT[i][0] + " is the conditional UPDATE of the "
                    + "conversation and the INSERT of the answer, in " + expected + " statement(s)\n" + String.join("\n", counter.recent()));
        }
    }

    private static StatementCounter.Counts least(StatementCounter.Counts sofar, StatementCounter.Counts now) {
        return sofar == null ? now : new StatementCounter.Counts(Math.min(sofar.statements(), now.statements()),
                Math.min(sofar.commits(), now.commits()));
    }
}
