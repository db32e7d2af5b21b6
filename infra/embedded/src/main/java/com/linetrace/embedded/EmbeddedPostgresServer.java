package com.linetrace.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) on a loopback port: durable on a data directory
 * for the plant, or throw-away with fast, crash-unsafe settings for tests.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The plant's database on {@code dataDirectory}: every commit is flushed to disk before it is answered
     * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on), so a power cut loses no answered scan.
     * A server that a dead plant left running on the directory is stopped first; the caller must hold the
     * directory's {@link DataDirectoryLock}, which is what tells a dead plant's server from a live plant's.
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
                    .setCleanDataDirectory(false);
            return new EmbeddedPostgresServer(builder.start());
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
            log.debug("Starting a throw-away PostgreSQL (fsync off)");
            return new EmbeddedPostgresServer(builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
