package nl.samenspraak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The service as a separate process (as `java -jar` runs it), for tests that kill it or watch it refuse to start. */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServiceProcess start(Path dataDir, Path output, String... properties) {
        return start(dataDir, output, java.util.Map.of(), properties);
    }

    /** As {@link #start(Path, Path, String...)}, with these environment variables added. */
    public static ServiceProcess start(Path dataDir, Path output, java.util.Map<String, String> environment, String... properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port,
                "-Dsamenspraak.data-dir=" + dataDir,
                "-Dmicronaut.env.deduction=false"));
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.add("nl.samenspraak.Application");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service answers HTTP; false when it exits or does not come up in time. */
    public boolean awaitReady(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        JsonHttp http = http();
        while (Instant.now().isBefore(until) && process.isAlive()) {
            try {
                if (http.get("/api/flows").status() == 200) {
                    return true;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            sleep();
        }
        return false;
    }

    public JsonHttp http() {
        return new JsonHttp(url());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not exit within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
