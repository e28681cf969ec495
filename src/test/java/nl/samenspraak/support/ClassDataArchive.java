package nl.samenspraak.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the packaged jar's Class Data Sharing archive, a step of {@code ./mvnw package} (README, "Start-up"): most
 * of a start is the JVM reading, checking and linking some 10,000 classes from the jar, and an archive holds them
 * ready to map. Java 17 only writes one from a run of the jar itself, so this starts it as {@code java
 * -XX:ArchiveClassesAtExit=<archive> -jar <jar>} on a fresh embedded database, asks what a first visitor asks (a
 * ping, the start page, a new conversation), then stops it with SIGTERM, as Ctrl-C would; the JVM writes the archive
 * as it exits. A build tool, not a test; usage: {@code ClassDataArchive <jar> <archive>}.
 */
public final class ClassDataArchive {
    private static final Duration START_WITHIN = Duration.ofMinutes(3);

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(archive);
        Path data = Files.createTempDirectory("samenspraak-archive");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("out.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SAMENSPRAAK_DATA_DIR", data.toString());
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            String base = "http://127.0.0.1:" + port;
            awaitStatus(client, HttpRequest.newBuilder(URI.create(base + "/api/ping")).GET().build(), 200, process);
            for (HttpRequest request : List.of(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/conversations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"nl\"}")).build())) {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            process.destroy();
            if (!process.waitFor(START_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no archive written; the service said:\n" + Files.readString(data.resolve("out.log")));
        }
        try (var files = Files.walk(data)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        System.out.printf("Class Data Sharing archive %s (%d MB); run: java -XX:SharedArchiveFile=%s -XX:CompileThresholdScaling=4 -jar %s%n",
                archive, Files.size(archive) >> 20, Path.of("").toAbsolutePath().relativize(archive),
                Path.of("").toAbsolutePath().relativize(jar));
    }

    private static void awaitStatus(HttpClient client, HttpRequest request, int status, Process process) throws Exception {
        long until = System.nanoTime() + START_WITHIN.toNanos();
        while (process.isAlive() && System.nanoTime() < until) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not answer " + request.uri() + " within " + START_WITHIN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
