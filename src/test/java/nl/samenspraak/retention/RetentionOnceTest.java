package nl.samenspraak.retention;

import io.micronaut.context.ApplicationContext;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.PostgresDatabase;
import nl.samenspraak.support.Respondents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL, each with its own timer for the daily retention job: when both look at the same
 * moment one of them runs it, neither runs it again that day, and the next day one does again, whichever looks first.
 */
class RetentionOnceTest {

    @Test
    void ofTwoInstancesLookingAtTheSameMomentOneRunsTheJobOnceADay() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        try (ApplicationContext a = start(database); ApplicationContext b = start(database)) {
            ReadConversation readConversation = a.getBean(ReadConversation.class);
            String unfinished = a.getBean(Respondents.class).leaveUnfinished("voorbeeld", "nl", Origin.NONE, 2);
            RetentionJob onA = a.getBean(RetentionJob.class);
            RetentionJob onB = b.getBean(RetentionJob.class);
            Instant now = Instant.now().plus(Duration.ofDays(31));

            for (int round = 0; round < 5; round++) {
                Instant at = now.plus(Duration.ofDays(round));
                assertEquals(1, ran(atTheSameMoment(onA, onB, at)), "one of the two runs the job, day " + round);
                if (round == 0) {
                    assertFalse(readConversation.origin(unfinished, Caller.PUBLIC).isPresent(), "and it did its work");
                }
                assertFalse(onA.runIfDue(at.plus(Duration.ofHours(1))), "not again an hour later, on either instance");
                assertFalse(onB.runIfDue(at.plus(Duration.ofHours(22))));
            }
            assertTrue(onB.runIfDue(now.plus(Duration.ofDays(6))), "the next day the first to look runs it");
            assertFalse(onA.runIfDue(now.plus(Duration.ofDays(6)).plusSeconds(1)));
        } finally {
            database.drop();
        }
    }

    private static List<Boolean> atTheSameMoment(RetentionJob onA, RetentionJob onB, Instant at) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (RetentionJob job : List.of(onA, onB)) {
                runs.add(two.submit(() -> {
                    go.await();
                    return job.runIfDue(at);
                }));
            }
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            two.shutdownNow();
        }
    }

    private static long ran(List<Boolean> results) {
        return results.stream().filter(r -> r).count();
    }

    private static ApplicationContext start(PostgresDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        return ApplicationContext.run(properties, "test");
    }
}
