package com.linetrace.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) on a loopback port: durable on a data directory
 * for the plant, or throw-away with fast, crash-unsafe settings for tests.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final EmbeddedPostgres.Builder builder;
    private final @Nullable Path dataDirectory;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closing;

    /** With a data directory, a server that stops under the plant is started again; without one it is not. */
    private EmbeddedPostgresServer(EmbeddedPostgres.Builder builder, @Nullable Path dataDirectory) throws IOException {
        this.builder = builder;
        this.dataDirectory = dataDirectory;
        this.postgres = builder.start();
        watch();
    }

    /**
     * The plant's database on {@code dataDirectory}: every commit is flushed to disk before it is answered
     * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on), so a power cut loses no answered scan.
     * A server that a dead plant left running on the directory is stopped first; the caller must hold the
     * directory's {@link DataDirectoryLock}, which is what tells a dead plant's server from a live plant's. Its port
     * is kept beside the directory, and a server that stops under a running plant is started again on it, so the
     * plant's connection pool finds it where it was.
     */
    public static EmbeddedPostgresServer durable(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            OrphanedPostgres.stopIfLeftOn(dataDirectory);
            var builder = builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(KeptPort.beside(dataDirectory))
                    // Stopped by the plant after its application has closed, not by a JVM hook racing it.
                    .setRegisterShutdownHook(false);
            return new EmbeddedPostgresServer(builder, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL on " + dataDirectory, e);
        }
    }

    /**
     * A database in a temporary directory, removed on close, with zonky's test settings ({@code fsync} and
     * {@code synchronous_commit} off): fast, and nothing in it needs to survive a crash.
     */
    public static EmbeddedPostgresServer throwaway() {
        try {
            return new EmbeddedPostgresServer(builder(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
    }

    /** zonky starts the server through {@code pg_ctl}, which exits at once: the postmaster is found by its pid file. */
    private void watch() throws IOException {
        if (dataDirectory == null) {
            return;
        }
        var postmaster = ProcessHandle.of(pid()).orElseThrow(() -> new IOException("PostgreSQL is not running"));
        postmaster
                .onExit()
                .thenRun(() -> Thread.ofPlatform()
                        .daemon()
                        .name("embedded-postgres-restart")
                        .start(this::startAgain));
    }

    private void startAgain() {
        while (!closing) {
            log.error(
                    "Embedded PostgreSQL stopped under the running plant: starting it again on port {}",
                    postgres.getPort());
            try {
                Thread.sleep(RESTART_PAUSE);
                if (closing) {
                    return;
                }
                // Lets go of zonky's lock on the directory; its pg_ctl stop finds no server and says so.
                postgres.close();
                postgres = builder.start();
                log.warn("Embedded PostgreSQL is back on port {}", postgres.getPort());
                watch();
                return;
            } catch (IOException e) {
                log.error("Embedded PostgreSQL did not start again: retrying", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    /** The postmaster's process id, read from its pid file: for a fault run that stops it from outside. */
    public long pid() {
        if (dataDirectory == null) {
            throw new IllegalStateException("A throw-away server does not tell its process");
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's pid file cannot be read", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
