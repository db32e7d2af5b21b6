package com.linetrace.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that outlived its plant. zonky's server is a separate process: when the plant's JVM is killed
 * it keeps running on the data directory (re-parented to init), and a new start then waits for a lock file that
 * never goes away. Called only under the data directory's {@link DataDirectoryLock}, so any postmaster found here
 * belongs to a dead plant. It is asked to shut down fast (SIGINT: roll back open transactions, checkpoint), which
 * loses nothing committed.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration ZOMBIE_GRACE = Duration.ofSeconds(10);

    private OrphanedPostgres() {}

    static void stopIfLeftOn(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        var pid = postmasterPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        var process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("PostgreSQL's lock file names pid {}, which is gone: the server will recover on start", pid.get());
            return;
        }
        if (isPostgres(process.get())) {
            log.warn(
                    "A PostgreSQL server (pid {}) left by a plant that stopped without shutting down still runs on {}:"
                            + " stopping it",
                    pid.get(),
                    dataDirectory);
            signal(pid.get(), "INT");
            if (!exited(process.get(), FAST_SHUTDOWN)) {
                log.warn("PostgreSQL (pid {}) did not stop in {}: killing it", pid.get(), FAST_SHUTDOWN);
                process.get().destroyForcibly();
                exited(process.get(), FAST_SHUTDOWN);
            }
            return;
        }
        // A postmaster killed a moment ago can linger as a zombie; a pid reused by another program never goes.
        if (!exited(process.get(), ZOMBIE_GRACE)) {
            log.warn("PostgreSQL's lock file names pid {}, now another program: removing the stale lock file", pid);
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        var cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            var argv0 = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0", 2)[0];
            return argv0.endsWith("/postgres") || argv0.equals("postgres");
        } catch (IOException e) {
            return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .inheritIO()
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
