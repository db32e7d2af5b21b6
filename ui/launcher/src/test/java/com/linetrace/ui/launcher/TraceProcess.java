package com.linetrace.ui.launcher;

import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Trace started from its own launcher jar as a process of its own, on the test JVM's real PostgreSQL and Kafka:
 * the service a UI apart calls. Started once per JVM, stopped with it.
 */
final class TraceProcess {

    private static Process process;
    private static int port;

    private TraceProcess() {}

    static synchronized int port() {
        if (process == null) {
            start();
        }
        return port;
    }

    private static void start() {
        var jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("linetrace-trace-launcher") && entry.endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("trace's launcher jar is not on the test class path"));
        port = freePort();
        var servers = RealServers.get();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.List.of("-Xmx256m", "-jar", jar));
        command.add("--server.port=" + port);
        servers.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--linetrace.security.token.public-key=" + TestTokens.publicKeyFile());
        try {
            var log = Files.createTempFile("trace-apart", ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TraceProcess::stop));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() ->
                        ApiClient.at(port).get("/actuator/health/readiness").status() == 200);
    }

    static synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process = null;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
