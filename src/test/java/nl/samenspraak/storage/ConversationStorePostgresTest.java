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

    private StoredConversation welcomed(Flow flow) {
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null);
        Progress after = ((Outcome.Accepted) engine.answer(flow, c.progress(), "welkom", null)).progress();
        return store.save(c, after, null, false);
    }
}
