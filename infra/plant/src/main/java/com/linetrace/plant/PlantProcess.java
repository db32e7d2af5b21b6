package com.linetrace.plant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The plant (or a service's launcher: {@link ClusterRun}) as a person runs it, in a process of its own:
 * {@code java -jar linetrace-plant.jar} with the embedded
 * PostgreSQL under its data directory, so a {@code kill -9} leaves that PostgreSQL behind exactly as a crash does.
 * Each start writes its log to a file of its own beside the data directory, named after it ({@code plant-1.log}, …
 * for a data directory {@code plant}).
 */
final class PlantProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final List<String> arguments;
    private final List<String> jvmOptions;
    private final Map<String, String> secrets;
    private int starts;
    private long startedAt;
    private @Nullable Process process;

    PlantProcess(Path jar, Path dataDir, int port, List<String> arguments) {
        this(jar, dataDir, port, List.of(), arguments, Map.of());
    }

    PlantProcess(Path jar, Path dataDir, int port, List<String> jvmOptions, List<String> arguments) {
        this(jar, dataDir, port, jvmOptions, arguments, Map.of());
    }

    /**
     * {@code jvmOptions} go before {@code -jar}: several plants sharing a machine get a smaller heap each.
     * {@code secrets} are Spring properties (a datasource password, Kafka's {@code sasl.jaas.config}) handed over in
     * the process's environment ({@code SPRING_APPLICATION_JSON}), which only its owner can read: a command line is
     * readable by every user of the machine.
     */
    PlantProcess(
            Path jar,
            Path dataDir,
            int port,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> secrets) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.secrets = Map.copyOf(secrets);
    }

    /** Starts the plant with the run command and {@code extra} arguments; it is not ready yet. */
    void start(String... extra) {
        var command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--linetrace.data-dir=" + dataDir,
                "--server.port=" + port,
                "--linetrace.plant.open-browser=false"));
        command.addAll(arguments);
        command.addAll(List.of(extra));
        starts++;
        startedAt = System.nanoTime();
        var log = logFile();
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (!secrets.isEmpty()) {
                builder.environment().put("SPRING_APPLICATION_JSON", json(secrets));
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the plant: " + String.join(" ", command), e);
        }
    }

    /** A flat JSON object of strings; the values are passwords and JAAS lines, which hold quotes. */
    static String json(Map<String, String> values) {
        var json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quoted(key)).append(':').append(quoted(value));
        });
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        var quoted = new StringBuilder("\"");
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Waits until {@code /actuator/health} answers UP: how long it took, or null when the plant did not get there
     * within {@code limit} or its process ended first.
     */
    @Nullable
    Duration awaitHealthy(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                return null;
            }
            if (healthy()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return null;
    }

    /**
     * Waits until the plant answers a call that needs its database (a line's status), as after PostgreSQL came
     * back: how long it took, or null after {@code limit}.
     */
    @Nullable
    Duration awaitDatabaseAnswers(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (status("/api/lines/L1/status", "manager") == 200) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return null;
    }

    boolean healthy() {
        return status("/actuator/health", null) == 200;
    }

    /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL stays behind. */
    void kill() throws InterruptedException {
        var running = running();
        running.destroyForcibly();
        running.waitFor();
    }

    /** SIGTERM, as Ctrl+C or a service manager stops it, and waits for the plant to have shut down. */
    void stop(Duration limit) throws InterruptedException {
        var running = running();
        running.destroy();
        if (!running.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly();
            running.waitFor();
        }
    }

    /** How long ago the latest start was. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** SIGTERM without waiting; {@link #stop} waits. */
    void terminate() {
        running().destroy();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    long pid() {
        return running().pid();
    }

    /** The log of the latest start, beside the data directory. */
    Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-" + starts + ".log");
    }

    /** The last lines of the latest start's log, for a report of what went wrong. */
    String logTail(int lines) {
        try {
            var all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process running() {
        if (process == null) {
            throw new IllegalStateException("The plant was not started");
        }
        return process;
    }

    /** The demo users' passwords are their names. */
    private int status(String path, @Nullable String user) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
