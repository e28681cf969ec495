package nl.samenspraak.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running service: N concurrent scripted conversations through the JSON API (each answer is a
 * committed turn), then the same number of clients on the trivial /api/ping, and prints both side by side.
 * Not a test: it measures, it does not judge. Usage (see README):
 * {@code ConversationBenchmark [base-url[,base-url...]] [clients] [seconds] [both|turns|ping] [warm-up seconds]}.
 * With several base URLs (instances on one database) every request goes to the next one in turn, as a load
 * balancer without sticky sessions does: each answer of a conversation lands on another instance than the last.
 */
public final class ConversationBenchmark {
    private static final int PING_WARM_UP = 30;
    /** Whether a refused start was printed already (once is enough to say why the turns fail). */
    private static final AtomicBoolean FIRST_REFUSED_START = new AtomicBoolean();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** The example flow, answered the same way every time. */
    private static final String[][] SCRIPT = {
            {"welkom", "null"}, {"rol", "\"professional\""}, {"ervaring_jaren", "12"},
            {"talen", "[\"turks\",\"nederlands\"]"}, {"tolk", "\"ja\""}, {"tolk_taal", "\"Tarifit\""},
            {"houding", "4"}, {"kennis", "\"iets\""}, {"laatste_gesprek", "\"2024-03-01\""},
            {"opmerking", "\"Dank je\""}};

    private final String[] bases;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ConversationBenchmark(String bases) {
        this.bases = bases.split(",");
    }

    /** The instance for a client's {@code n}th request: the next one in turn. */
    private String base(int n) {
        return bases[Math.floorMod(n, bases.length)];
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String only = args.length > 3 ? args[3] : "both";
        // the JIT keeps compiling for two minutes or more under this load on a slow machine (README, "Benchmark"):
        // measure after it has settled
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 180;
        ConversationBenchmark b = new ConversationBenchmark(base);
        System.out.printf("Samenspraak benchmark against %s: %d concurrent clients, %d s per run after %d s warm-up, "
                + "%d cores here%n", base, clients, seconds, warmUp, Runtime.getRuntime().availableProcessors());
        b.run("warm-up (not counted)", clients, warmUp, b::conversation);
        Stats turns = only.equals("ping") ? null : b.run("answered turns", clients, seconds, b::conversation);
        if (!only.equals("turns") && warmUp > 0) {
            // switching to pings sets the JIT compiling again, for the paths only a ping takes: not counted either
            b.run("ping warm-up (not counted)", clients, Math.min(warmUp, PING_WARM_UP), b::ping);
        }
        Stats ping = only.equals("turns") ? null : b.run("GET /api/ping", clients, seconds, b::ping);
        System.out.println();
        System.out.printf("%-16s %10s %10s %10s %10s%n", "", "per second", "p50 ms", "p99 ms", "errors");
        if (turns != null) {
            turns.print("answered turns");
        }
        if (ping != null) {
            ping.print("GET /api/ping");
        }
        if (turns != null && ping != null) {
            System.out.printf("turns reach %.0f%% of the trivial endpoint's rate%n", 100.0 * turns.rate() / ping.rate());
        }
    }

    interface Work {
        void loop(Recorder recorder, AtomicBoolean stop) throws Exception;
    }

    private Stats run(String name, int clients, int seconds, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Recorder> recorders = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Recorder r = new Recorder();
            recorders.add(r);
            futures.add(pool.submit(() -> {
                work.loop(r, stop);
                return null;
            }));
        }
        try {
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            // a client that failed (the service not up yet, a refused connection) ends the run: exit, don't hang
            stop.set(true);
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Stats stats = Stats.of(recorders, elapsed);
        System.out.printf("%s: %d requests in %.1f s%n", name, stats.count, elapsed);
        return stats;
    }

    private void conversation(Recorder r, AtomicBoolean stop) throws Exception {
        int n = r.hashCode();
        while (!stop.get()) {
            HttpResponse<String> started = post(base(n++), "/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
            Matcher m = ID.matcher(started.body());
            if (started.statusCode() != 201 || !m.find()) {
                r.errors++;
                if (FIRST_REFUSED_START.compareAndSet(false, true)) {
                    // say why once: a 404 when the service hides the example flow, a 429 when the start limit is not raised
                    System.out.printf("a start was refused (%d): %s (see README, \"Benchmark\")%n", started.statusCode(),
                            started.body().length() > 200 ? started.body().substring(0, 200) : started.body());
                }
                continue;
            }
            String answers = "/api/conversations/" + m.group(1) + "/answers";
            for (String[] turn : SCRIPT) {
                if (stop.get()) {
                    return;
                }
                long t0 = System.nanoTime();
                HttpResponse<String> reply = post(base(n++), answers, "{\"step\":\"" + turn[0] + "\",\"value\":" + turn[1] + "}");
                r.record(System.nanoTime() - t0, reply.statusCode() == 200);
            }
        }
    }

    private void ping(Recorder r, AtomicBoolean stop) throws Exception {
        int n = r.hashCode();
        while (!stop.get()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base(n++) + "/api/ping")).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> reply = client.send(request, HttpResponse.BodyHandlers.ofString());
            r.record(System.nanoTime() - t0, reply.statusCode() == 200);
        }
    }

    private HttpResponse<String> post(String base, String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class Recorder {
        long[] nanos = new long[1 << 16];
        int count;
        int errors;

        void record(long duration, boolean ok) {
            if (!ok) {
                errors++;
            }
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = duration;
        }
    }

    record Stats(long count, long errors, double seconds, double p50, double p99) {
        static Stats of(List<Recorder> recorders, double seconds) {
            int total = recorders.stream().mapToInt(r -> r.count).sum();
            long[] all = new long[total];
            int at = 0;
            long errors = 0;
            for (Recorder r : recorders) {
                System.arraycopy(r.nanos, 0, all, at, r.count);
                at += r.count;
                errors += r.errors;
            }
            Arrays.sort(all);
            double p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1e6;
            double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
            return new Stats(total, errors, seconds, p50, p99);
        }

        double rate() {
            return count / seconds;
        }

        void print(String name) {
            System.out.printf("%-16s %10.0f %10.1f %10.1f %10d%n", name, rate(), p50, p99, errors);
        }
    }
}
