package nl.samenspraak.dashboard;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.samenspraak.engine.QuestionKind;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The questions of every flow version this service has run, as fingerprints (table flow_version_step): written
 * at start-up for the versions of the loaded flows, once per version (a second start, or a second instance at
 * the same time, adds nothing), and read by the dashboard to tell which questions changed between versions.
 * The writing runs beside the start-up, not in its way: no request but the dashboard's needs it, and the
 * dashboard's first read waits until it is done.
 *
 * <p>A version whose writing fails (the database lost at that moment) is kept and written again at its first need,
 * the dashboard's read of the flow's versions, and at each look for published questionnaires. Until then that read
 * fails as any request in an outage does: a version missing here would count every question of it as asked
 * differently, splitting the figures by a difference there is not. A failed writing once stopped the service from
 * starting (a published questionnaire's, at start-up), or was forgotten until the next start (the files' flows).
 */
@Singleton
public class FlowVersions implements ApplicationEventListener<StartupEvent>, nl.samenspraak.conversation.EarlierVersions {
    private static final Logger LOG = LoggerFactory.getLogger(FlowVersions.class);
    private final FlowLibrary library;
    private final JdbcOperations jdbc;
    private final DatabaseAvailability availability;

    public FlowVersions(FlowLibrary library, JdbcOperations jdbc, DatabaseAvailability availability) {
        this.library = library;
        this.jdbc = jdbc;
        this.availability = availability;
    }

    /** One stored version of a flow: when this service first ran it, and its questions' fingerprints. */
    public record Version(String version, Instant recordedAt, Map<String, String> fingerprints) {
    }

    /** The start-up recording; done (or failed) before the dashboard reads. */
    private volatile CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);
    /** The versions whose recording failed, to be recorded at their first need; by flow id and version. */
    private final Map<String, Flow> kept = new ConcurrentHashMap<>();
    /** What {@link #askedIn} read, by flow id, the earlier version and the version gone on under. */
    private final Map<String, Map<String, QuestionKind>> asked = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(StartupEvent event) {
        recorded = CompletableFuture.runAsync(() -> library.flows().forEach(this::recordOrKeep), runnable -> {
            Thread thread = new Thread(runnable, "flow-versions");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * A stop waits for the start-up recording (a few statements; with the database away it fails within the pool's
     * connection timeout), so that it never uses the database after the pool is closed. At most 10 s.
     */
    @PreDestroy
    void awaitRecordedBeforeStop() throws InterruptedException {
        try {
            recorded.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // failed or still busy: stopping goes on, the next start records again
        }
    }

    /** Waits for the start-up recording (which keeps what it could not record, and so does not fail). */
    private void awaitRecorded() {
        try {
            recorded.join();
        } catch (CompletionException e) {
            recorded = CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Records {@code flow}'s version; when the database fails, keeps it to record at its first need (and says so
     * once, without the database's words), so that neither a start nor a look for questionnaires fails on it.
     */
    public void recordOrKeep(Flow flow) {
        String key = flow.id() + " " + flow.version();
        kept.put(key, flow);
        try {
            record(flow);
            kept.remove(key, flow);
        } catch (RuntimeException e) {
            if (!availability.reachable() || DatabaseAvailability.mayBeConnectionFailure(e)) {
                // an outage is DatabaseAvailability's to log, once (also one that begins during the start-up
                // recording, before a request has noted it): not once more per version
                LOG.debug("the questions of {} version {} wait for the database", flow.id(), flow.version());
                return;
            }
            LOG.warn("the questions of {} version {} could not be recorded now; they will be before the dashboard reads "
                    + "them: {}", flow.id(), flow.version(), nl.samenspraak.system.LoggedFailure.summary(e));
        }
    }

    /** Records again what could not be recorded before, as far as the database lets it now; quietly. */
    public void recordKept() {
        for (Map.Entry<String, Flow> e : kept.entrySet()) {
            try {
                record(e.getValue());
                kept.remove(e.getKey(), e.getValue());
            } catch (RuntimeException stillFailing) {
                return; // the next look, or the dashboard's first need, tries again
            }
        }
    }

    /** Records the kept versions of {@code flowId}; throws when the database still fails. */
    private void recordKept(String flowId) {
        for (Map.Entry<String, Flow> e : kept.entrySet()) {
            if (e.getValue().id().equals(flowId)) {
                record(e.getValue());
                kept.remove(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Stores the fingerprints and kinds of {@code flow}'s version unless they are there already; a version recorded
     * before kinds were kept gets them now (it is still run, so a conversation may go on from it).
     */
    @Transactional
    public void record(Flow flow) {
        Map<String, String> fingerprints = StepFingerprints.of(flow, library.translations());
        Map<String, QuestionKind> kinds = QuestionKind.of(flow);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.prepareStatement("INSERT INTO flow_version_step (flow_id, version, step_id, fingerprint, recorded_at, kind) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", statement -> {
            for (Map.Entry<String, String> e : fingerprints.entrySet()) {
                statement.setString(1, flow.id());
                statement.setString(2, flow.version());
                statement.setString(3, e.getKey());
                statement.setString(4, e.getValue());
                statement.setTimestamp(5, now);
                statement.setString(6, kinds.get(e.getKey()).key());
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
        jdbc.prepareStatement("UPDATE flow_version_step SET kind = ? WHERE flow_id = ? AND version = ? AND step_id = ? "
                + "AND kind IS NULL", statement -> {
            for (Map.Entry<String, QuestionKind> e : kinds.entrySet()) {
                statement.setString(1, e.getValue().key());
                statement.setString(2, flow.id());
                statement.setString(3, flow.version());
                statement.setString(4, e.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    /**
     * How {@code version} of {@code now}'s flow asked its questions, by step id, for a conversation begun under it
     * that goes on under {@code now} ({@link nl.samenspraak.engine.VersionCarryOver}). A step recorded before kinds
     * were kept counts as asked as {@code now} asks it only when its fingerprint is the same there (type, range,
     * options and words alike); otherwise, as a step not recorded, it is left out: another question. Versions do not
     * change, so what was read is kept (and a version not recorded at all is read again next time).
     */
    @Override
    @Transactional
    public Map<String, QuestionKind> askedIn(String version, Flow now) {
        String key = now.id() + " " + version + " " + now.version();
        Map<String, QuestionKind> known = asked.get(key);
        if (known != null) {
            return known;
        }
        awaitRecorded();
        recordKept(now.id());
        Map<String, QuestionKind> kinds = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        Map<String, String> nowFingerprints = new HashMap<>();
        jdbc.prepareStatement("SELECT version, step_id, fingerprint, kind FROM flow_version_step WHERE flow_id = ? "
                + "AND version IN (?, ?)", statement -> {
            statement.setString(1, now.id());
            statement.setString(2, version);
            statement.setString(3, now.version());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!version.equals(rows.getString(1))) {
                        nowFingerprints.put(rows.getString(2), rows.getString(3));
                        continue;
                    }
                    String step = rows.getString(2);
                    fingerprints.put(step, rows.getString(3));
                    QuestionKind.parse(rows.getString(4)).ifPresent(k -> kinds.put(step, k));
                }
            }
            return null;
        });
        fingerprints.forEach((step, fingerprint) -> {
            if (!kinds.containsKey(step) && fingerprint.equals(nowFingerprints.get(step))) {
                now.step(step).ifPresent(s -> kinds.put(step, QuestionKind.of(s)));
            }
        });
        Map<String, QuestionKind> read = Map.copyOf(kinds);
        if (!fingerprints.isEmpty() && !nowFingerprints.isEmpty()) {
            asked.put(key, read);
        }
        return read;
    }

    /**
     * Every stored version of a flow, by version, with the versions this instance runs among them: one whose recording
     * failed is recorded first, and when that fails again so does this read (the dashboard's 503 in an outage).
     */
    public Map<String, Version> of(String flowId) {
        awaitRecorded();
        recordKept(flowId);
        return stored(flowId);
    }

    @Transactional
    Map<String, Version> stored(String flowId) {
        return jdbc.prepareStatement("SELECT version, step_id, fingerprint, recorded_at FROM flow_version_step "
                + "WHERE flow_id = ? ORDER BY recorded_at, version, step_id", statement -> read(statement, flowId));
    }

    private static Map<String, Version> read(PreparedStatement statement, String flowId) throws java.sql.SQLException {
        statement.setString(1, flowId);
        Map<String, Instant> recorded = new LinkedHashMap<>();
        Map<String, Map<String, String>> steps = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                recorded.putIfAbsent(version, rows.getTimestamp(4).toInstant());
                steps.computeIfAbsent(version, v -> new LinkedHashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        Map<String, Version> versions = new LinkedHashMap<>();
        recorded.forEach((v, at) -> versions.put(v, new Version(v, at, Map.copyOf(steps.get(v)))));
        return versions;
    }
}
