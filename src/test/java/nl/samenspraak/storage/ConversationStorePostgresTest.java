package nl.samenspraak.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storage on a real PostgreSQL server (127.0.0.1:5432 unless SAMENSPRAAK_TEST_POSTGRES_URL says otherwise),
 * in a database made for this run and dropped afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStorePostgresTest extends ConversationStoreContract implements OnPostgres {
    @Inject
    TurnWrites turns;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }

    /**
     * The answered turns of one batch go to PostgreSQL together (one round trip); each still learns on its own
     * whether it was kept, and the one judged on a stale copy writes nothing while the others are kept.
     */
    @Test
    void answeredTurnsSentTogetherAreEachKeptOrRefusedOnTheirOwn() {
        assertTrue(turns.queues(), "on PostgreSQL answered turns are queued for their batch");
        Flow flow = library.flow("voorbeeld").orElseThrow();
        List<StoredConversation> three = List.of(welcomed(flow), welcomed(flow), welcomed(flow));
        long[] staleness = {0, 1, 0}; // the second is judged on the copy before its last write
        boolean[] moved = transactions.executeWrite(status -> {
            int[] index = new int[3];
            for (int i = 0; i < 3; i++) {
                StoredConversation c = three.get(i);
                Progress after = ((Outcome.Accepted) engine.answer(flow, c.progress(), "rol", "professional")).progress();
                index[i] = turns.queueAdvanceAndKeep(c.id(), c.record().version() - staleness[i], after.status().key(),
                        after.current(), String.join(",", after.path()), Instant.now(), "rol", "\"professional\"", "nl",
                        EnteredBy.RESPONDENT.key());
            }
            turns.send();
            return new boolean[] {turns.moved(index[0]), turns.moved(index[1]), turns.moved(index[2])};
        });
        assertEquals(List.of(true, false, true), List.of(moved[0], moved[1], moved[2]));
        for (int i = 0; i < 3; i++) {
            StoredConversation stored = store.find(three.get(i).id()).orElseThrow();
            boolean kept = i != 1;
            assertEquals(kept ? "professional" : null, stored.progress().answers().get("rol"));
            assertEquals(kept ? three.get(i).record().version() + 1 : three.get(i).record().version(),
                    stored.record().version());
            assertEquals(kept ? 1 : 0, answers.findByConversationId(stored.id()).size());
        }
    }

    /**
     * The starts of one batch go to PostgreSQL together too: the one whose resume code another conversation has
     * writes nothing at all (no conversation without a code), and the others are kept.
     */
    @Test
    void startsSentTogetherAreEachKeptOrRefusedOnTheirOwn() {
        Flow flow = library.flow("voorbeeld").orElseThrow();
        String taken = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null).record().resumeCode();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<ConversationRecord> three = List.of(fresh(flow, "ABCD2345", now), fresh(flow, taken, now),
                fresh(flow, "EFGH6789", now));
        boolean[] started = transactions.executeWrite(status -> {
            int[] index = new int[3];
            for (int i = 0; i < 3; i++) {
                index[i] = turns.queueStart(three.get(i));
            }
            turns.send();
            return new boolean[] {turns.started(index[0]), turns.started(index[1]), turns.started(index[2])};
        });
        assertEquals(List.of(true, false, true), List.of(started[0], started[1], started[2]));
        assertTrue(conversations.existsById(three.get(0).id()));
        assertFalse(conversations.existsById(three.get(1).id()), "no conversation without its own code");
        assertEquals(three.get(2).id(), store.findByResumeCode("EFGH6789").orElseThrow().id());
        assertEquals(three.get(0).withVersion(0L), conversations.findById(three.get(0).id()).orElseThrow());
    }

    private static ConversationRecord fresh(Flow flow, String code, Instant now) {
        return new ConversationRecord(ConversationIds.next(), flow.id(), flow.version(), "nl", Channel.API.key(),
                nl.samenspraak.engine.Status.ACTIVE.key(), flow.steps().get(0).id(), "", code, now, now, null, null, null, null);
    }

    private StoredConversation welcomed(Flow flow) {
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null);
        Progress after = ((Outcome.Accepted) engine.answer(flow, c.progress(), "welkom", null)).progress();
        return store.save(c, after, null, false);
    }
}
