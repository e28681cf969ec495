package nl.samenspraak.questionnaire;

import nl.samenspraak.cluster.SharedLook;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.samenspraak.audit.AuditLog;
import nl.samenspraak.dashboard.FlowVersions;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.system.FlowFolders;
import nl.samenspraak.xlsform.FlowProblems;
import nl.samenspraak.xlsform.ImportedFlow;
import nl.samenspraak.xlsform.XlsFormImport;
import nl.samenspraak.xlsform.XlsFormProblem;
import nl.samenspraak.xlsform.XlsFormRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Questionnaires brought as XLSForm: an upload is converted and checked by the same loader that serves flows, kept
 * by its content hash, previewed, and published. Published flows live in the database, so every instance serves
 * them: each instance looks for a change in what is published every {@code samenspraak.questionnaires.refresh}
 * (and at once after a publish of its own) and then adds the flows to its one {@link FlowLibrary}, beside the
 * bundled or folder flows, which they never replace.
 */
@Singleton
public class Questionnaires implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Questionnaires.class);

    /** What an upload came to: the problems, or a draft ready to preview and publish. */
    public sealed interface Upload {
    }

    public record Refused(List<XlsFormProblem> problems) implements Upload {
    }

    public record Draft(String version, String flowId, FlowLibrary library) implements Upload {
        public Flow flow() {
            return library.flow(flowId).orElseThrow();
        }
    }

    /** A row of the table, as the admin page lists it. */
    public record Stored(String version, String flowId, String fileName, Instant uploadedAt, String uploadedBy,
                         @Nullable Instant publishedAt, @Nullable String publishedBy) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final FlowLibrary library;
    private final FlowFolders folders;
    private final FlowVersions versions;
    private final AuditLog audit;
    /** The published versions this instance serves now, by flow id. */
    private volatile Map<String, String> serving = Map.of();
    /** Versions published as their flow's newest that do not load here (see {@link #refresh}): not served. */
    private volatile java.util.Set<String> leftOut = java.util.Set.of();
    /**
     * Versions of conversations this instance looked for in the database and found no newer flow for (an earlier
     * version of a flow, a flow taken out): no need to look again for them until what is served changes.
     */
    private final java.util.Set<String> notNewer = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Looks for a newer flow outside the asker's transaction (a Telegram update's holds its chat's lock). */
    private final java.util.concurrent.ExecutorService looking = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "questionnaires-look");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The look that the lists share, and the one that the flow ids not served share: each at most one per {@code
     * look-at-most-every}. Not one for both: a person who saw a questionnaire listed on the instance that published it
     * and starts it on another would be told it is not there whenever that one's start page had looked in the second
     * before the publish, which on a busy one is always; ids it does not serve are asked for rarely, but by an outsider.
     */
    private final SharedLook forLists;
    private final SharedLook forIds;

    public Questionnaires(JdbcOperations jdbc, TransactionOperations<Connection> transactions, FlowLibrary library, FlowFolders folders, FlowVersions versions,
                          AuditLog audit, QuestionnaireSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.library = library;
        this.folders = folders;
        this.versions = versions;
        this.audit = audit;
        this.forLists = new SharedLook(() -> lookFor(null, null), settings.lookAtMostEvery(), System::nanoTime);
        this.forIds = new SharedLook(() -> lookFor(null, null), settings.lookAtMostEvery(), System::nanoTime);
        library.lookForNewerWith(new FlowLibrary.Newer() {
            @Override
            public void lookFor(String flowId, String version) {
                Questionnaires.this.lookFor(flowId, version);
            }

            @Override
            public void beforeListing() {
                lookRecently(forLists);
            }
        });
    }

    /**
     * A list of the flows, or a flow id not served: of several instances another may have published (or withdrawn)
     * one a moment ago. Looked for at most once per {@code look-at-most-every} for each, so that a busy start page,
     * or an outsider asking for made-up flow ids one after another, costs at most one small read a second.
     */
    private void lookRecently(SharedLook look) {
        if (!Thread.holdsLock(this)) { // (a look of this instance's own asks nothing: it is what is being served being read)
            look.recent();
        }
    }

    /**
     * A flow, or the version a conversation was started on, that this instance does not serve: of several instances,
     * another may have published it a moment ago, and waiting for the next look (up to
     * {@code samenspraak.questionnaires.refresh}) would tell its person the conversation was not found, or walk them
     * through the older version's questions. So look now: one small read of what is published, and the flows loaded
     * only when that changed. A version looked for once and not found newer is not looked for again. A flow id alone
     * (a start, a page of a flow) shares a look with the other ids ({@link #lookRecently}): anyone may send one, made up.
     */
    private void lookFor(@Nullable String flowId, @Nullable String version) {
        if (flowId != null && version == null) {
            lookRecently(forIds);
            return;
        }
        if (version != null && notNewer.contains(version) || Thread.holdsLock(this)) {
            return; // (a look of this instance's own asks nothing: it is what is being served being read)
        }
        try {
            looking.submit(() -> {
                if (!newestVersions().equals(serving)) {
                    refresh();
                }
            }).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            // the database away for a moment (an outage is logged once elsewhere), or the service stopping: serve
            // what is served
            return;
        }
        if (version != null && library.flows().stream().noneMatch(f -> f.id().equals(flowId) && version.equals(f.version()))) {
            if (notNewer.size() > 10_000) {
                notNewer.clear();
            }
            notNewer.add(version);
        }
    }

    /**
     * Looks at once for what is published, as for a flow this instance does not serve: for the admin's list of the
     * flows served, which after a publish on one instance may be shown by another (a load balancer without sticky
     * sessions) and said "published" above a list without it.
     */
    public void catchUp() {
        lookFor(null, null);
    }

    @jakarta.annotation.PreDestroy
    void stopLooking() {
        looking.shutdownNow();
    }

    /** The flow ids of the bundled or folder flows: a questionnaire may not take one of them. */
    public boolean isFileFlow(String flowId) {
        return base().flowFiles().keySet().stream().anyMatch(f -> stem(f).equals(flowId));
    }

    public boolean isPublished(String flowId) {
        return serving.containsKey(flowId);
    }

    /** The version of {@code flowId} this instance serves, when it is a published questionnaire. */
    public Optional<String> servedVersion(String flowId) {
        return Optional.ofNullable(serving.get(flowId));
    }

    /** Whether {@code version} is published as its flow's newest but not served, as it does not load here. */
    public boolean leftOut(String version) {
        return leftOut.contains(version);
    }

    /** Converts and checks {@code xlsx}; a good one is kept as a draft (by content, so twice is once). */
    public Upload upload(byte[] xlsx, String fileName, String account) {
        XlsFormImport importer = importer();
        ImportedFlow imported;
        FlowLibrary checked;
        try {
            imported = importer.read(new ByteArrayInputStream(xlsx), fileName);
            if (isFileFlow(imported.id())) {
                // at the form_id cell the id came from; an id taken from the file's name, at the file
                Map<String, Object> id = Map.of("id", imported.id());
                return new Refused(List.of(imported.origins().of("id")
                        .map(o -> new XlsFormProblem(o.sheet(), o.row(), o.column(), "xlsform.problem.bundled_id", id))
                        .orElseGet(() -> new XlsFormProblem(fileName, 0, null, "xlsform.problem.bundled_id", id))));
            }
        } catch (XlsFormRefused e) {
            return new Refused(e.problems());
        } catch (RuntimeException e) {
            return unreadable(fileName, e);
        }
        try {
            checked = importer.check(imported);
        } catch (InvalidFlowsException e) {
            // what the flow loader finds, in the reader's language and pointed at in the spreadsheet (the row and
            // column each part of the flow came from), not in the flow file the conversion made
            return new Refused(FlowProblems.inSpreadsheet(e.problems(), imported, fileName));
        } catch (RuntimeException e) {
            return unreadable(fileName, e);
        }
        String version = hash(xlsx);
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO questionnaire (version, flow_id, file_name, xlsx, flow_yaml, locales_yaml, "
                + "uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", s -> {
            s.setString(1, version);
            s.setString(2, imported.id());
            s.setString(3, cut(fileName, 200));
            s.setBytes(4, xlsx);
            s.setString(5, imported.flowYaml());
            s.setString(6, yaml().dump(new TreeMap<>(imported.localeYaml())));
            s.setTimestamp(7, Timestamp.from(now()));
            s.setString(8, cut(account, 64));
            return s.executeUpdate();
        }));
        return new Draft(version, imported.id(), checked);
    }

    /**
     * A spreadsheet that could not be read or converted for a reason of its own (not a problem found in it). The admin
     * is told the file cannot be read, not a Java exception's name; the log names the exception and where it was
     * thrown (no cell's content), as it may be the converter's fault rather than the file's.
     */
    private static Refused unreadable(String fileName, RuntimeException e) {
        StackTraceElement[] where = e.getStackTrace();
        LOG.warn("An uploaded spreadsheet could not be converted: {} at {}", e.getClass().getName(),
                where.length == 0 ? "?" : where[0]);
        return new Refused(List.of(new XlsFormProblem(fileName, 0, null, "xlsform.problem.not_xlsx", Map.of())));
    }

    /** A kept upload, converted again for its preview; empty when there is none by that version. */
    public Optional<Draft> draft(String version) {
        return row(version).map(r -> {
            ImportedFlow imported = new ImportedFlow(r.flowId(), r.flowYaml(), r.locales());
            return new Draft(version, r.flowId(), importer().check(imported));
        });
    }

    /** Publishes a kept upload: from now on it is the flow of its id, here at once and on every instance soon. */
    public Optional<String> publish(String version, String account, String client) {
        Optional<Row> row = row(version);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE questionnaire SET published_at = ?, published_by = ? WHERE version = ?", s -> {
            s.setTimestamp(1, Timestamp.from(now()));
            s.setString(2, cut(account, 64));
            s.setString(3, version);
            return s.executeUpdate();
        }));
        audit.record(AuditLog.Kind.ADMIN_CHANGE, account, client,
                "questionnaire published: " + row.get().flowId() + " version " + version.substring(0, 12));
        refresh();
        return Optional.of(row.get().flowId());
    }

    /** Every upload, newest first. */
    public List<Stored> all() {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT version, flow_id, file_name, uploaded_at, uploaded_by, published_at, "
                + "published_by FROM questionnaire ORDER BY uploaded_at DESC", s -> {
            List<Stored> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp published = r.getTimestamp(6);
                    rows.add(new Stored(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(),
                            r.getString(5), published == null ? null : published.toInstant(), r.getString(7)));
                }
            }
            return rows;
        }));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        refresh();
    }

    /**
     * Serves what is published now: when the newest published version of any flow differs from what this instance
     * serves, the library is built again from the files and the published flows, and taken over whole.
     *
     * <p>Unlike the retention job this runs on every instance, and must: it changes only this instance's own
     * library (each instance reads what is published; nothing is written but the flow versions, which are kept once
     * by their key). No transaction around it: the one read has its own, and building the library takes no connection.
     */
    @Scheduled(fixedDelay = "${samenspraak.questionnaires.refresh}", initialDelay = "${samenspraak.questionnaires.refresh}")
    public synchronized void refresh() {
        // versions of this instance the database failed to record earlier: again now, in the background, so that
        // another instance's dashboard knows them too (this instance's dashboard records them at its first need)
        versions.recordKept();
        Map<String, Row> published;
        try {
            if (newestVersions().equals(serving)) {
                return; // nothing new: the flows themselves are read only when what is published changed
            }
            published = newestPublished();
        } catch (RuntimeException e) {
            // the database is away for a moment: keep serving what is served, and look again next time (an outage
            // is logged once by storage.DatabaseAvailability, not again every 30 s here)
            if (!nl.samenspraak.storage.DatabaseAvailability.isConnectionFailure(e)) {
                LOG.warn("questionnaires: could not look for published flows ({})", e.getClass().getSimpleName());
            }
            return;
        }
        Map<String, String> now = new TreeMap<>();
        published.forEach((id, r) -> now.put(id, r.version()));
        if (now.equals(serving)) {
            return;
        }
        List<Row> servable = published.values().stream().filter(r -> !isFileFlow(r.flowId())).toList();
        FlowLibrary newer;
        java.util.Set<String> notLoading = java.util.Set.of();
        try {
            newer = load(servable);
        } catch (InvalidFlowsException e) {
            // one that no longer loads (a rule this version made stricter) must not take the others with it
            List<Row> loading = servable.stream().filter(this::loadsAlone).toList();
            notLoading = servable.stream().filter(r -> !loading.contains(r)).map(Row::version)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            servable.stream().filter(r -> !loading.contains(r)).forEach(r -> LOG.warn(
                    "questionnaires: the published flow {} (version {}) does not load here, not served until a version that does is published",
                    r.flowId(), r.version()));
            try {
                newer = load(loading);
            } catch (InvalidFlowsException together) {
                LOG.warn("questionnaires: the published flows do not load together, serving the previous set ({} problems)",
                        together.problems().size());
                return;
            }
        }
        library.adopt(newer);
        notNewer.clear();
        leftOut = notLoading;
        serving = Map.copyOf(now); // those left out are looked at again when their flow's newest version changes
        for (String id : now.keySet()) {
            // a database failure here leaves the flow served and its version to record later (never a failed start)
            library.flow(id).ifPresent(versions::recordOrKeep);
        }
        LOG.info("questionnaires: serving {} published flow(s)", now.keySet().stream().filter(id -> library.flow(id).isPresent()).count());
    }

    /** The bundled files with these published flows; {@link InvalidFlowsException} when they do not load together. */
    private FlowLibrary load(List<Row> rows) {
        Map<String, String> flowFiles = new TreeMap<>(base().flowFiles());
        Map<String, String> localeFiles = new TreeMap<>(base().localeFiles());
        for (Row r : rows) {
            new ImportedFlow(r.flowId(), r.flowYaml(), r.locales()).files().forEach((file, text) ->
                    (file.startsWith("flows/") ? flowFiles : localeFiles).put("published/" + file, text));
        }
        return new FlowLibraryLoader(new TextRenderer()).load(flowFiles, localeFiles);
    }

    private boolean loadsAlone(Row row) {
        try {
            load(List.of(row));
            return true;
        } catch (InvalidFlowsException e) {
            return false;
        }
    }

    private record Row(String version, String flowId, String flowYaml, Map<String, String> locales) {
    }

    /** The newest published version of each flow, by flow id: what {@link #serving} is compared with. */
    private Map<String, String> newestVersions() {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT flow_id, version FROM questionnaire "
                + "WHERE published_at IS NOT NULL ORDER BY published_at, version", s -> {
            Map<String, String> rows = new TreeMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), r.getString(2));
                }
            }
            return rows;
        }));
    }

    private Map<String, Row> newestPublished() {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT version, flow_id, flow_yaml, locales_yaml FROM questionnaire "
                + "WHERE published_at IS NOT NULL ORDER BY published_at, version", s -> {
            Map<String, Row> rows = new TreeMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(2), new Row(r.getString(1), r.getString(2), r.getString(3), locales(r.getString(4))));
                }
            }
            return rows;
        }));
    }

    private Optional<Row> row(String version) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT version, flow_id, flow_yaml, locales_yaml FROM questionnaire WHERE version = ?", s -> {
            s.setString(1, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString(1), r.getString(2), r.getString(3), locales(r.getString(4))))
                        : Optional.<Row>empty();
            }
        }));
    }

    /** The original spreadsheet of a kept upload. */
    public Optional<byte[]> xlsx(String version) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT xlsx FROM questionnaire WHERE version = ?", s -> {
            s.setString(1, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
            }
        }));
    }

    private XlsFormImport importer() {
        return new XlsFormImport(base().flowFiles(), base().localeFiles());
    }

    private FlowFolders base() {
        return folders;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> locales(String yaml) {
        Object parsed = yaml().load(yaml);
        Map<String, String> locales = new LinkedHashMap<>();
        if (parsed instanceof Map<?, ?> m) {
            m.forEach((k, v) -> locales.put(String.valueOf(k), String.valueOf(v)));
        }
        return locales;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stem(String file) {
        String name = file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
