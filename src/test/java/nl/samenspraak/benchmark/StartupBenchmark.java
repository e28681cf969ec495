package nl.samenspraak.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up as a person meets it: from {@code java [options] -jar samenspraak.jar} to the first answered request,
 * on a fresh embedded H2 database each time. Prints, per run, the milliseconds until {@code GET /api/ping} answers,
 * the CPU time the service had used by then (all its threads), and the milliseconds until a conversation can be
 * started ({@code POST /api/conversations}: flows loaded, database migrated), with the load average; then the
 * medians. Wall-clock time is what a person waits; CPU time is what to compare on a machine that others use too.
 * Given several jars separated by commas (e.g. the jar before and after a change), it starts them in turns, each
 * round in the opposite order of the one before, so that both meet the same load, and also prints the median of
 * each round's ratio to the first jar. A jar may carry java options of its own after it, separated by spaces
 * (e.g. {@code "target/samenspraak-0.1.0.jar -XX:SharedArchiveFile=target/samenspraak.jsa"}), to compare a start
 * with them against one without. It asks with a plain socket and a hand-written request, every 5 ms: the JDK's
 * HTTP client, polling from a JVM that was itself still compiling it, took part of the two cores from the start it
 * measured (three pairs of runs: 0.1 to 0.3 s more to the first ping). Not a test: it measures, it does not judge.
 * Usage (see README, "Start-up"):
 * {@code StartupBenchmark <jar>[ option...][,<jar>[ option...]...] [runs] [java options for all...]}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    /** One start of one jar. */
    private record Start(long pingMillis, long cpuMillis, long conversationMillis, double load) {
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> specs = Arrays.stream((args.length > 0 ? args[0] : "target/samenspraak-0.1.0.jar").split(","))
                .map(spec -> List.of(spec.trim().split("\\s+"))).toList();
        List<Path> jars = specs.stream().map(spec -> Path.of(spec.get(0))).toList();
        List<String> labels = specs.stream().map(spec -> String.join(" ", spec)).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> options = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Start[][] starts = new Start[jars.size()][runs];
        for (int run = 0; run < runs; run++) {
            for (int turn = 0; turn < jars.size(); turn++) {
                int j = run % 2 == 0 ? turn : jars.size() - 1 - turn;
                List<String> own = new ArrayList<>(options);
                own.addAll(specs.get(j).subList(1, specs.get(j).size()));
                Start s = start(jars.get(j), own);
                starts[j][run] = s;
                System.out.printf("run %d, %s: first ping answered after %d ms (%d ms CPU), first conversation "
                        + "started after %d ms; load average %.1f%n", run + 1, labels.get(j),
                        s.pingMillis(), s.cpuMillis(), s.conversationMillis(), s.load());
            }
        }
        for (int j = 0; j < jars.size(); j++) {
            Start[] s = starts[j];
            System.out.printf("%s, median of %d runs: ping %d ms, CPU %d ms, conversation %d ms (options for all: %s)%n",
                    labels.get(j), runs, median(s, Start::pingMillis), median(s, Start::cpuMillis),
                    median(s, Start::conversationMillis), options.isEmpty() ? "none" : String.join(" ", options));
            if (j > 0) {
                double[] wall = new double[runs];
                double[] cpu = new double[runs];
                for (int run = 0; run < runs; run++) {
                    wall[run] = (double) s[run].pingMillis() / starts[0][run].pingMillis();
                    cpu[run] = (double) s[run].cpuMillis() / starts[0][run].cpuMillis();
                }
                System.out.printf("%s / %s, median of the %d rounds' ratios: ping %.2f, CPU %.2f%n",
                        labels.get(j), labels.get(0), runs, median(wall), median(cpu));
            }
        }
    }

    private static Start start(Path jar, List<String> options) throws Exception {
        Path data = Files.createTempDirectory("samenspraak-startup");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("out.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SAMENSPRAAK_DATA_DIR", data.toString());
        // the first conversation is the example flow, as in every earlier measurement; hidden by default, so shown here
        builder.environment().put("SAMENSPRAAK_WEB_SHOW_DEMO_FLOWS", "true");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            long ping = until(port, "GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                    200, t0, process);
            long cpu = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            String body = "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}";
            long conversation = until(port, "POST /api/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body,
                    201, t0, process);
            return new Start(ping, cpu, conversation, load);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long until(int port, String request, int status, long t0, Process process) throws Exception {
        while (process.isAlive()) {
            try {
                if (status(port, request) == status) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the service exited with " + process.exitValue());
    }

    /** Sends {@code request} as it is and reads the status code of the answer's first line. */
    private static int status(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        }
    }

    private static long median(Start[] starts, java.util.function.ToLongFunction<Start> value) {
        return (long) median(Arrays.stream(starts).mapToDouble(value::applyAsLong).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
