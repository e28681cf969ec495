package nl.samenspraak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service as a separate process (as `java -jar` runs it), for tests that kill it or watch it refuse to start. */
public final class ServiceProcess implements AutoCloseable {
    /**
     * The service's classes and runtime libraries as the POM lists them (no test classes, no test libraries: as the
     * jar holds them, and a fifth less CPU to start than the whole test classpath); the test classpath when run
     * outside Maven.
     */
    private static final String SERVICE_CLASSPATH = serviceClasspath();
    /** How often {@link #awaitReady} asks; a start takes seconds, so this is what a ready service waits at most. */
    private static final Duration POLL = Duration.ofMillis(25);
    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServiceProcess start(Path dataDir, Path output, String... properties) {
        return start(dataDir, output, Map.of(), properties);
    }

    /** Starts the service with extra environment variables (e.g. SAMENSPRAAK_ADMIN_USERNAME). */
    public static ServiceProcess start(Path dataDir, Path output, Map<String, String> environment, String... properties) {
        int port = freePort();
        List<String> command = java(dataDir, properties);
        command.add(1, "-Dmicronaut.server.port=" + port);
        command.add("nl.samenspraak.Application");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one of the jar's commands ({@code java -jar samenspraak.jar <args>}) on {@code dataDir} with
     * {@code input} on standard input; returns its exit code, its output in {@code output}.
     */
    public static int command(Path dataDir, Path output, String input, String... args) throws InterruptedException {
        List<String> command = java(dataDir);
        command.add("nl.samenspraak.Application");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end within 120 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> java(Path dataDir, String... properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", SERVICE_CLASSPATH,
                // as the README's run command starts it: a process that lives seconds spends less CPU without C2
                "-XX:TieredStopAtLevel=1",
                "-Dsamenspraak.data-dir=" + dataDir,
                "-Dmicronaut.env.deduction=false"));
        for (String p : properties) {
            command.add("-D" + p);
        }
        return command;
    }

    /**
     * The packaged jar, run as a user runs it: {@code java -jar} in {@code workDir}, configured only by
     * environment variables (the port comes from {@code MICRONAUT_SERVER_PORT}).
     */
    public static ServiceProcess fromJar(Path jar, Path workDir, Path output, Map<String, String> environment, String... args) {
        return fromJar(jar, List.of(), workDir, output, environment, args);
    }

    /** The packaged jar with options for java itself ({@code java <javaOptions> -jar <jar> <args>}). */
    public static ServiceProcess fromJar(Path jar, List<String> javaOptions, Path workDir, Path output,
                                         Map<String, String> environment, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start(), port);
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

    private static String serviceClasspath() {
        String fromPom = System.getProperty("samenspraak.service-classpath", "");
        return fromPom.isBlank() || fromPom.contains("${") ? System.getProperty("java.class.path") : fromPom;
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
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
