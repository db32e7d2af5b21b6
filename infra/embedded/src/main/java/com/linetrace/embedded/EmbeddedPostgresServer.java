package com.linetrace.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) on a loopback port: durable on a data directory
 * for the plant, or throw-away with fast, crash-unsafe settings for tests. zonky's own {@code initdb} trusts every
 * local connection; ours asks every connection, over TCP and the Unix socket, for the superuser's password
 * ({@code scram-sha-256}), which only the plant knows.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);
    private static final String SUPERUSER = "postgres";

    /** Every connection, local or over loopback, signs in with a password; nothing is trusted. */
    static final String PASSWORDS_ONLY_HBA = """
            # LineTrace: every connection signs in with the password the plant keeps owner-only in its data directory
            # (credentials/postgres.password). Written by the plant; nothing here is trusted.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres.Builder builder;
    private final @Nullable Path dataDirectory;
    private final String password;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closing;

    /** With a data directory, a server that stops under the plant is started again; without one it is not. */
    private EmbeddedPostgresServer(EmbeddedPostgres.Builder builder, @Nullable Path dataDirectory, String password)
            throws IOException {
        this.builder = builder;
        this.dataDirectory = dataDirectory;
        this.password = password;
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
     *
     * <p>The superuser's password is made at first start and kept owner-only in {@link KeptSecret#fileFor(Path)}. A data
     * directory made before the plant kept one (its {@code pg_hba.conf} still trusts local connections) gets the
     * password and a {@code pg_hba.conf} that asks for it at this start.
     */
    public static EmbeddedPostgresServer durable(Path dataDirectory) {
        try {
            var passwordFile = KeptSecret.fileFor(dataDirectory);
            boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
            if (initialised
                    && !trustsAnyConnection(dataDirectory)
                    && KeptSecret.read(passwordFile).isEmpty()) {
                throw new IllegalStateException("The embedded PostgreSQL on " + dataDirectory
                        + " asks for a password, but its password file " + passwordFile + " is gone: put it back"
                        + " (from a backup of the data directory), or start on a new data directory");
            }
            var password = KeptSecret.in(passwordFile);
            KeptSecret.ownerOnlyDirectory(dataDirectory.getParent());
            Files.createDirectories(dataDirectory);
            OrphanedPostgres.stopIfLeftOn(dataDirectory);
            var builder = builder(passwordFile, password)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(KeptPort.beside(dataDirectory))
                    // Stopped by the plant after its application has closed, not by a JVM hook racing it.
                    .setRegisterShutdownHook(false);
            var server = new EmbeddedPostgresServer(builder, dataDirectory, password);
            try {
                if (trustsAnyConnection(dataDirectory)) {
                    server.askForPasswords();
                }
            } catch (IOException | SQLException | RuntimeException e) {
                server.close();
                throw new IllegalStateException(
                        "Could not set the password of embedded PostgreSQL on " + dataDirectory, e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL on " + dataDirectory, e);
        }
    }

    /**
     * A database in a temporary directory, removed on close, with zonky's test settings ({@code fsync} and
     * {@code synchronous_commit} off): fast, and nothing in it needs to survive a crash. It asks for a password too
     * (made for it and held in memory; its file is removed once {@code initdb} has read it): signing in costs nothing
     * measurable, and the tests then connect as the plant does.
     */
    public static EmbeddedPostgresServer throwaway() {
        return throwaway(Map.of());
    }

    /**
     * A throw-away database with more server settings ({@code -c name=value}), as a real server would be configured:
     * {@code ssl=on} with a certificate, for a test of TLS to a real server.
     */
    public static EmbeddedPostgresServer throwaway(Map<String, String> serverSettings) {
        try {
            var credentials = Files.createTempDirectory("linetrace-postgres-credentials-");
            try {
                var passwordFile = credentials.resolve("postgres.password");
                var password = KeptSecret.in(passwordFile);
                var builder = builder(passwordFile, password);
                serverSettings.forEach(builder::setServerConfig);
                return new EmbeddedPostgresServer(builder, null, password);
            } finally {
                Directories.delete(credentials);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * zonky hands its locale settings to {@code initdb} as {@code --key=value}, after its own {@code -A trust}: so a
     * new cluster's superuser gets the password at once and its {@code pg_hba.conf} asks every connection for it. The
     * password also goes to zonky's own readiness check.
     */
    private static EmbeddedPostgres.Builder builder(Path passwordFile, String password) {
        return EmbeddedPostgres.builder()
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256");
    }

    /** Whether {@code pg_hba.conf} lets any connection in without a password, as zonky's {@code initdb} wrote it. */
    private static boolean trustsAnyConnection(Path dataDirectory) throws IOException {
        var hba = dataDirectory.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> !line.matches(".*\\sscram-sha-256(\\s.*)?$"));
    }

    /**
     * Brings a data directory made while the plant kept no password up to date: the superuser gets the kept password,
     * {@code pg_hba.conf} asks every connection for it, and the server reloads it. Until then the old file lets the
     * plant in without one, as it let everyone in before.
     */
    private void askForPasswords() throws IOException, SQLException {
        log.warn(
                "The embedded PostgreSQL on {} let every local connection in without a password: setting the"
                        + " password kept in {} and asking every connection for it",
                dataDirectory,
                KeptSecret.fileFor(dataDirectory));
        try (var connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
                var statement = connection.createStatement()) {
            // The driver sends only the SCRAM verifier it computes: the password itself never reaches the server,
            // so no server log line (a failed statement is logged whole) can hold it.
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            var hba = dataDirectory.resolve("pg_hba.conf");
            var fresh = hba.resolveSibling("pg_hba.conf.new");
            Files.writeString(fresh, PASSWORDS_ONLY_HBA, StandardCharsets.UTF_8);
            Files.move(fresh, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            statement.execute("select pg_reload_conf()");
        }
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

    /** The database's address, without credentials (they go to the pool apart, never into a URL). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return SUPERUSER;
    }

    /** The superuser's password: give it to a connection pool, never to a log or a command line. */
    public String password() {
        return password;
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
