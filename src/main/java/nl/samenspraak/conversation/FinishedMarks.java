package nl.samenspraak.conversation;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.FinishedConversationQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Works out, at start-up, whether each finished conversation of a flow the dashboard counts says something
 * ({@link nl.samenspraak.engine.SaysSomething}) where that is not kept under the flow's rule as loaded now: those
 * finished since the dashboard last looked, those finished before it was kept at all, and those of a flow file
 * that changed since. The dashboard works it out too, for the conversations it is about to count
 * ({@link FinishedConversations#marks}), so no page waits for this and no figure depends on it; this only spares the
 * first look at a team after a start (or an upgrade) the reading of all its answers. It runs beside the start-up,
 * not in its way, in commits of {@value #BATCH}. The log says how many, never which.
 */
@Singleton
public class FinishedMarks implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FinishedMarks.class);
    static final int BATCH = 500;
    static final long STOP_WAIT_MS = 10_000;

    private final FlowLibrary library;
    private final FinishedConversationQueries store;

    FinishedMarks(FlowLibrary library, FinishedConversationQueries store) {
        this.library = library;
        this.store = store;
    }

    /** The start-up's marking, while it runs (null before). */
    private volatile Thread marking;

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread thread = new Thread(this::markAll, "finished-marks");
        thread.setDaemon(true);
        marking = thread;
        thread.start();
    }

    /**
     * A stop waits for the start-up's marking (it commits every {@value #BATCH} and fails within the pool's
     * connection timeout when the database is away): it never uses the database after the pool is closed, which
     * it did when a service was stopped right after starting. At most {@value #STOP_WAIT_MS} ms.
     */
    @PreDestroy
    void awaitMarking() throws InterruptedException {
        Thread thread = marking;
        if (thread != null) {
            thread.join(STOP_WAIT_MS);
        }
    }

    /** Marks every finished conversation of the counted flows that is not marked under its flow's rule now; how many. */
    public int run() {
        int marked = 0;
        for (Flow flow : library.flows()) {
            if (flow.dashboard() != DashboardUse.ANONYMOUS) {
                continue;
            }
            List<String> ids = store.unmarked(flow);
            for (int from = 0; from < ids.size(); from += BATCH) {
                marked += store.markFinished(flow, ids.subList(from, Math.min(ids.size(), from + BATCH))).size();
            }
        }
        return marked;
    }

    private void markAll() {
        try {
            long start = System.nanoTime();
            int marked = run();
            LOG.info("says-something: kept for {} finished conversations in {} ms", marked,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // the database may be away, or the service stopping: the dashboard works it out meanwhile, the next start again
            LOG.warn("could not keep whether finished conversations say something this start ({})", e.getClass().getSimpleName());
        }
    }
}
