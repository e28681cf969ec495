package nl.samenspraak.benchmark;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.FlowWalk;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The manager dashboard at scale: fills a scratch database with about a million answers (some 50,000 finished
 * conversations of the bundled flows across 20 teams, in closed survey rounds so that figures show), then times
 * what a manager opens through the real HTTP endpoints of the jar: a team's summary, one flow's page and its CSV
 * export. Not a test (it is not run by {@code ./mvnw verify}): it measures, it does not judge. Usage (see README,
 * "Dashboard at scale"):
 * <pre>
 * DashboardBenchmark &lt;jar&gt; &lt;database&gt; [answers] [java options...]
 * </pre>
 * {@code database}: {@code h2} (a fresh embedded H2 in a temporary folder), {@code h2:<folder>} (an H2 database in
 * that folder, filled only when it holds fewer answers than asked, so a second run re-uses it), or the JDBC URL of a
 * PostgreSQL scratch database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/samenspraak_dashboard_bench}, user
 * postgres): created when missing, filled only when it holds fewer answers than asked. Never point it at a database
 * that anything else uses.
 */
public final class DashboardBenchmark {
    private static final int TEAMS = 20;
    private static final int ROUNDS = 4;
    private static final String MANAGER = "bench-manager";
    private static final String PASSWORD = "bench-manager-password-" + UUID.randomUUID();
    private static final List<String> LANGUAGES = List.of("nl", "nl", "nl", "nl", "en", "tr", "ar", "pl");
    private static final Instant FIRST_ROUND = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration ROUND_LENGTH = Duration.ofDays(182);
    /** Requests before the timed ones, and timed ones, per page (-Dbenchmark.warmup, -Dbenchmark.runs). */
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 10);
    private static final int MEASURED = Integer.getInteger("benchmark.runs", 20);

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/samenspraak-0.1.0.jar").toAbsolutePath();
        String database = args.length > 1 ? args[1] : "h2";
        long answers = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();

        Path work = Files.createTempDirectory("samenspraak-dashboard");
        Map<String, String> env = new HashMap<>();
        String jdbcUrl;
        String user;
        if (database.startsWith("h2")) {
            Path folder = database.startsWith("h2:") ? Path.of(database.substring(3)).toAbsolutePath() : work.resolve("data");
            Files.createDirectories(folder);
            env.put("SAMENSPRAAK_DATA_DIR", folder.toString());
            jdbcUrl = "jdbc:h2:file:" + folder.resolve("samenspraak") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            user = "sa";
        } else {
            createPostgresDatabase(database);
            jdbcUrl = database;
            user = "postgres";
            env.put("DATASOURCES_DEFAULT_URL", database);
            env.put("DATASOURCES_DEFAULT_USERNAME", user);
            env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        }
        env.put("SAMENSPRAAK_JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        // opening a large embedded database can take longer than the 1 s a request may wait for a connection
        env.put("DATASOURCES_DEFAULT_CONNECTION_TIMEOUT", "30000");
        System.out.printf("database %s, service log in %s%n", jdbcUrl, work);

        // 1. the service creates the schema (Flyway) and records its flow versions; then it stops
        try (Service service = Service.start(jar, options, env, work.resolve("first-start.log"))) {
            service.awaitPing();
        }
        // 2. the data, straight into the tables
        long held;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, database.startsWith("h2") ? "" : null)) {
            held = count(c, "SELECT count(*) FROM answer");
            if (held < answers) {
                if (held > 0) {
                    throw new IllegalStateException("the database holds " + held + " answers, fewer than asked: use an empty one");
                }
                long t0 = System.nanoTime();
                fill(c, answers);
                System.out.printf("filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.println("the database is filled already: not filling again");
            }
            prepareManager(c);
            System.out.printf("rows: %d answers, %d conversations (%d finished), %d teams, %d closed rounds%n",
                    count(c, "SELECT count(*) FROM answer"), count(c, "SELECT count(*) FROM conversation"),
                    count(c, "SELECT count(*) FROM conversation WHERE status = 'done'"),
                    count(c, "SELECT count(*) FROM team"), count(c, "SELECT count(*) FROM survey_round"));
        }
        // 3. the pages, as a manager opens them
        try (Service service = Service.start(jar, options, env, work.resolve("service.log"))) {
            service.awaitPing();
            awaitMarks(jar, work.resolve("service.log"));
            long team = 1;
            String cookie = service.login();
            String flow = "werk-jij-diversiteitsproof";
            measure(service, cookie, "team summary      /dashboard/teams/" + team, "/dashboard/teams/" + team);
            measure(service, cookie, "flow page         /dashboard/teams/" + team + "/flows/" + flow,
                    "/dashboard/teams/" + team + "/flows/" + flow);
            measure(service, cookie, "CSV export        .../flows/" + flow + "/export.csv",
                    "/dashboard/teams/" + team + "/flows/" + flow + "/export.csv");
            measure(service, cookie, "flow page (other) /dashboard/teams/" + team + "/flows/wijkanalyse",
                    "/dashboard/teams/" + team + "/flows/wijkanalyse");
        }
    }

    /**
     * A jar that keeps with each finished conversation whether it says something works that out at start-up for
     * conversations that do not have it yet (all of them, after a fill straight into the tables), beside the
     * start-up; until it is done the dashboard reads answers instead. The figures are of the service as it runs
     * after that, so wait for it (its log says when), and print how long it took.
     */
    private static void awaitMarks(Path jar, Path log) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            if (zip.getEntry("nl/samenspraak/conversation/FinishedMarks.class") == null) {
                return;
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log);
            if (lines.stream().anyMatch(l -> l.contains("could not keep whether finished conversations say something"))) {
                throw new IllegalStateException("the service could not mark the finished conversations: see " + log);
            }
            String line = lines.stream().filter(l -> l.contains("says-something: kept for")).findFirst().orElse(null);
            if (line != null) {
                System.out.println("start-up marking: " + line.substring(line.indexOf("says-something:")));
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not finish marking finished conversations within 15 minutes");
    }

    /** Warm-up requests (the JIT), then timed ones, one after the other; prints median, p90 and the slowest. */
    private static void measure(Service service, String cookie, String name, String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            service.get(path, cookie);
        }
        long[] ms = new long[MEASURED];
        int bytes = 0;
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = service.get(path, cookie);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            bytes = r.body().length;
        }
        Arrays.sort(ms);
        System.out.printf("%-70s median %4d ms  p90 %4d ms  max %4d ms  (%d runs after %d warm-up, %,d bytes)%n",
                name, ms[MEASURED / 2], ms[MEASURED * 9 / 10], ms[MEASURED - 1], MEASURED, WARM_UP, bytes);
    }

    // ---- filling --------------------------------------------------------------------------------------------

    /** A flow's share of the conversations: the two anonymous flows most, the record flow (topiclijst) a few. */
    private record Share(String flowId, int weight, boolean rounds) {
    }

    private static final List<Share> SHARES = List.of(new Share("werk-jij-diversiteitsproof", 12, true),
            new Share("wijkanalyse", 7, true), new Share("topiclijst", 1, false));

    private static void fill(Connection c, long target) throws Exception {
        c.setAutoCommit(false);
        Random random = new Random(11);
        FlowLibrary library = FlowWalk.library();
        ConversationEngine engine = new ConversationEngine();
        long[] teams = new long[TEAMS];
        List<List<String>> wijken = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement team = c.prepareStatement("INSERT INTO team (name, join_code, created_at) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement wijk = c.prepareStatement("INSERT INTO team_wijk (team_id, name, position) VALUES (?, ?, ?)")) {
            for (int t = 0; t < TEAMS; t++) {
                team.setString(1, String.format("Team %02d", t + 1));
                team.setString(2, "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
                team.setTimestamp(3, Timestamp.from(now));
                team.executeUpdate();
                try (ResultSet keys = team.getGeneratedKeys()) {
                    keys.next();
                    teams[t] = keys.getLong(1);
                }
                List<String> names = List.of("Noord", "Oost", "Zuid", "West");
                for (int w = 0; w < names.size(); w++) {
                    wijk.setLong(1, teams[t]);
                    wijk.setString(2, names.get(w));
                    wijk.setInt(3, w);
                    wijk.addBatch();
                }
                wijken.add(names);
            }
            wijk.executeBatch();
        }
        // rounds: per team and counted flow, four closed half-years; invitations: a quarter more than took part
        Map<String, long[]> rounds = new HashMap<>();
        try (PreparedStatement round = c.prepareStatement("INSERT INTO survey_round (team_id, flow_id, invited, closes_at, "
                + "created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (long teamId : teams) {
                for (Share share : SHARES) {
                    if (!share.rounds()) {
                        continue;
                    }
                    long[] ids = new long[ROUNDS];
                    for (int r = 0; r < ROUNDS; r++) {
                        Instant start = FIRST_ROUND.plus(ROUND_LENGTH.multipliedBy(r));
                        round.setLong(1, teamId);
                        round.setString(2, share.flowId());
                        round.setInt(3, 0); // set below, once it is known how many took part
                        round.setTimestamp(4, Timestamp.from(start.plus(ROUND_LENGTH)));
                        round.setTimestamp(5, Timestamp.from(start));
                        round.executeUpdate();
                        try (ResultSet keys = round.getGeneratedKeys()) {
                            keys.next();
                            ids[r] = keys.getLong(1);
                        }
                    }
                    rounds.put(teamId + "/" + share.flowId(), ids);
                }
            }
        }
        c.commit();
        Map<String, Flow> flows = new HashMap<>();
        for (Share share : SHARES) {
            flows.put(share.flowId(), library.flow(share.flowId()).orElseThrow());
        }
        List<String> pattern = new ArrayList<>();
        SHARES.forEach(s -> { for (int i = 0; i < s.weight(); i++) pattern.add(s.flowId()); });

        long answers = 0;
        long conversations = 0;
        try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation (id, flow_id, flow_version, "
                + "language, channel, status, current_step, path, resume_code, created_at, updated_at, version, team_id, wijk) "
                + "VALUES (?, ?, ?, ?, 'web', ?, NULL, ?, ?, ?, ?, 1, ?, ?)");
             PreparedStatement answer = c.prepareStatement("INSERT INTO answer (conversation_id, step_id, answer_value, "
                     + "language, created_at, updated_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, 'respondent')");
             PreparedStatement inRound = c.prepareStatement("INSERT INTO round_conversation (conversation_id, round_id) VALUES (?, ?)")) {
            while (answers < target) {
                int t = (int) (conversations % TEAMS);
                String flowId = pattern.get((int) (conversations / TEAMS % pattern.size()));
                Flow flow = flows.get(flowId);
                Progress done = walk(engine, flow, random);
                int r = random.nextInt(ROUNDS);
                Instant start = FIRST_ROUND.plus(ROUND_LENGTH.multipliedBy(r))
                        .plusSeconds(random.nextInt((int) ROUND_LENGTH.minusDays(1).toSeconds()));
                String id = UUID.randomUUID().toString();
                String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
                conversation.setString(1, id);
                conversation.setString(2, flowId);
                conversation.setString(3, flow.version());
                conversation.setString(4, language);
                conversation.setString(5, Status.DONE.key());
                conversation.setString(6, String.join(",", done.path()));
                conversation.setString(7, "B" + Long.toString(conversations, 36));
                conversation.setTimestamp(8, Timestamp.from(start));
                conversation.setTimestamp(9, Timestamp.from(start.plusSeconds(600)));
                conversation.setLong(10, teams[t]);
                conversation.setString(11, wijken.get(t).get(random.nextInt(wijken.get(t).size())));
                conversation.addBatch();
                long[] roundIds = rounds.get(teams[t] + "/" + flowId);
                if (roundIds != null) {
                    inRound.setString(1, id);
                    inRound.setLong(2, roundIds[r]);
                    inRound.addBatch();
                }
                for (Map.Entry<String, Object> a : done.answers().entrySet()) {
                    answer.setString(1, id);
                    answer.setString(2, a.getKey());
                    answer.setString(3, json(a.getValue()));
                    answer.setString(4, language);
                    answer.setTimestamp(5, Timestamp.from(start.plusSeconds(300)));
                    answer.setTimestamp(6, Timestamp.from(start.plusSeconds(300)));
                    answer.addBatch();
                    answers++;
                }
                conversations++;
                if (conversations % 500 == 0 || answers >= target) {
                    conversation.executeBatch();
                    inRound.executeBatch();
                    answer.executeBatch();
                    c.commit();
                }
                if (conversations % 10_000 == 0) {
                    System.out.printf("  %,d conversations, %,d answers%n", conversations, answers);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE survey_round SET invited = (SELECT count(*) * 5 / 4 FROM round_conversation rc "
                    + "WHERE rc.round_id = survey_round.id)");
        }
        c.commit();
        // the statistics a planner needs after a bulk load (PostgreSQL's autovacuum would get there later)
        try (Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
            } else {
                s.execute("ANALYZE");
                c.commit();
            }
        }
        c.setAutoCommit(true);
    }

    /** One finished conversation with random answers that the engine accepts (consent given). */
    private static Progress walk(ConversationEngine engine, Flow flow, Random random) {
        for (int attempt = 0; ; attempt++) {
            Progress p = engine.start(flow);
            while (p.status() == Status.ACTIVE) {
                Step step = flow.requireStep(p.current());
                Outcome outcome = engine.answer(flow, p, step.id(), answer(step, random));
                if (!(outcome instanceof Outcome.Accepted)) {
                    outcome = engine.answer(flow, p, step.id(), fallback(step));
                }
                if (!(outcome instanceof Outcome.Accepted accepted)) {
                    throw new IllegalStateException("no answer accepted at " + flow.id() + "/" + step.id() + ": " + outcome);
                }
                p = accepted.progress();
            }
            if (p.status() == Status.DONE || attempt > 20) {
                return p;
            }
        }
    }

    private static Object answer(Step step, Random random) {
        List<Option> options = step.options();
        if (step.consent()) {
            return Step.YES;
        }
        return switch (step.type()) {
            case INFO -> null;
            case MULTI -> {
                List<String> chosen = new ArrayList<>();
                for (Option o : options) {
                    if (!o.standsAlone() && random.nextInt(3) == 0) {
                        chosen.add(o.value());
                    }
                }
                yield chosen.isEmpty() ? List.of(options.get(0).value()) : chosen;
            }
            case TEXT -> random.nextInt(4) == 0 ? "Een opmerking " + random.nextInt(50) : (step.optional() ? null : "Tekst");
            case NUMBER -> {
                long min = step.min() == null ? 0 : step.min().longValue();
                long max = step.max() == null ? min + 40 : step.max().longValue();
                yield min + random.nextInt((int) Math.max(1, max - min + 1));
            }
            case DATE -> "2024-03-0" + (1 + random.nextInt(9));
            default -> options.isEmpty() ? null : options.get(random.nextInt(options.size())).value();
        };
    }

    private static Object fallback(Step step) {
        return switch (step.type()) {
            case INFO -> null;
            case MULTI -> List.of(step.options().get(0).value());
            case TEXT -> step.optional() ? null : "Tekst";
            case NUMBER -> step.min() == null ? 1 : step.min().longValue();
            case DATE -> "2024-03-01";
            case YESNO -> Step.YES;
            default -> step.options().get(0).value();
        };
    }

    /** As the service stores answers: JSON (text, numbers, lists of text). */
    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : list) {
                b.append(b.length() > 1 ? "," : "").append(json(o));
            }
            return b.append(']').toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A manager of every team (made once; its password is set anew each run). */
    private static void prepareManager(Connection c) throws Exception {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET password_hash = ? WHERE username = ?")) {
            update.setString(1, hash);
            update.setString(2, MANAGER);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (username, password_hash, role, enabled, "
                        + "session_version, created_at, updated_at) VALUES (?, ?, 'manager', true, 0, ?, ?)")) {
                    insert.setString(1, MANAGER);
                    insert.setString(2, hash);
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    insert.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO account_team (account_id, team_id) SELECT a.id, t.id FROM account a, team t "
                            + "WHERE a.username = '" + MANAGER + "'");
                }
            }
        }
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Creates the scratch database when it does not exist (through the server's maintenance database). */
    private static void createPostgresDatabase(String url) throws Exception {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!name.matches("[a-z_][a-z0-9_]*") || name.equals("test") || name.equals("postgres")) {
            throw new IllegalArgumentException("use a scratch database of its own, not " + name);
        }
        try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", "postgres", null);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (r.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        }
    }

    // ---- the service ----------------------------------------------------------------------------------------

    /** The jar as a separate process on a free port. */
    private static final class Service implements AutoCloseable {
        private final Process process;
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        private Service(Process process, String base) {
            this.process = process;
            this.base = base;
        }

        static Service start(Path jar, List<String> options, Map<String, String> env, Path log) throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            return new Service(builder.start(), "http://127.0.0.1:" + port);
        }

        void awaitPing() throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue());
                }
                try {
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/ping")).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the service did not answer within 3 minutes");
        }

        String login() throws Exception {
            String form = "username=" + URLEncoder.encode(MANAGER, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = r.headers().allValues("set-cookie").stream().filter(v -> v.startsWith("samenspraak_login="))
                    .map(v -> v.substring(0, v.indexOf(';') < 0 ? v.length() : v.indexOf(';'))).findFirst().orElse(null);
            if (r.statusCode() != 303 || cookie == null) {
                throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
            }
            return cookie;
        }

        HttpResponse<byte[]> get(String path, String cookie) throws Exception {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Cookie", cookie).header("Accept", "text/html,*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
