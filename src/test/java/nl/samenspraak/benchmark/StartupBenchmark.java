package nl.samenspraak.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up as a person meets it: from {@code java [options] -jar samenspraak.jar} to the first answered request,
 * on a fresh embedded H2 database each time. Prints, per run, the milliseconds until {@code GET /api/ping} answers
 * and until a conversation can be started ({@code POST /api/conversations}: flows loaded, database migrated), then
 * the medians. Not a test: it measures, it does not judge. Usage (see README, "Start-up"):
 * {@code StartupBenchmark <jar> [runs] [java options...]}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/samenspraak-0.1.0.jar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> options = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long[] ping = new long[runs];
        long[] start = new long[runs];
        for (int run = 0; run < runs; run++) {
            Path data = Files.createTempDirectory("samenspraak-startup");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("out.log").toFile());
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            builder.environment().put("SAMENSPRAAK_DATA_DIR", data.toString());
            long t0 = System.nanoTime();
            Process process = builder.start();
            try {
                String base = "http://127.0.0.1:" + port;
                ping[run] = until(client, HttpRequest.newBuilder(URI.create(base + "/api/ping")).GET().build(), 200, t0, process);
                start[run] = until(client, HttpRequest.newBuilder(URI.create(base + "/api/conversations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"flow\":\"voorbeeld\",\"language\":\"nl\"}")).build(),
                        201, t0, process);
                System.out.printf("run %d: first ping answered after %d ms, first conversation started after %d ms%n",
                        run + 1, ping[run], start[run]);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        System.out.printf("median of %d runs: ping %d ms, conversation %d ms (options: %s)%n", runs, median(ping),
                median(start), options.isEmpty() ? "none" : String.join(" ", options));
    }

    private static long until(HttpClient client, HttpRequest request, int status, long t0, Process process) throws Exception {
        while (process.isAlive()) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the service exited with " + process.exitValue());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
