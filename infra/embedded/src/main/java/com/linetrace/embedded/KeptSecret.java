package com.linetrace.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's password, made at random at first start and kept in a file that only the plant's own account can read
 * (POSIX {@code 600}, in a directory of mode {@code 700}), so the plant finds it again after a restart and no other
 * user of the machine learns it. The secret itself is never logged; only the file is named.
 */
public final class KeptSecret {

    private static final Logger log = LoggerFactory.getLogger(KeptSecret.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private KeptSecret() {}

    /**
     * The secret kept in {@code file}, made now when there is none. 32 random bytes in URL-safe Base64: no quote,
     * backslash or space, so it goes into a JAAS line or an SQL literal as it is.
     */
    static String in(Path file) {
        try {
            ownerOnlyDirectory(file.getParent());
            var kept = read(file);
            if (kept.isPresent()) {
                ownerOnly(file);
                return kept.get();
            }
            var bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Written whole under another name first: a crash never leaves a half-written secret behind.
            var fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(fresh, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            try {
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(fresh);
                return read(file).orElseThrow();
            }
            log.info("Made a new password for the embedded server, kept owner-only in {}", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a password in " + file, e);
        }
    }

    /**
     * Where the password of the server keeping its data in {@code serverDirectory} is kept:
     * {@code credentials/<name>.password} beside it ({@code <data-dir>/credentials/postgres.password} and
     * {@code kafka.password} for the plant).
     */
    public static Path fileFor(Path serverDirectory) {
        var absolute = serverDirectory.toAbsolutePath();
        return absolute.resolveSibling("credentials").resolve(absolute.getFileName() + ".password");
    }

    /** The secret kept in {@code file}, if there is one: how a tool beside the plant signs in to its servers. */
    public static Optional<String> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            var secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password kept in " + file, e);
        }
    }

    /**
     * Makes {@code directory} (and its missing parents) and keeps it to its owner: a directory of the plant's holds
     * its servers' data and passwords, which no other user of the machine may read.
     */
    public static void ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            Files.createDirectories(directory);
        }
        if (!Files.getPosixFilePermissions(directory).equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        var permissions = Files.getPosixFilePermissions(file);
        if (!permissions.equals(OWNER_ONLY_FILE)) {
            log.warn(
                    "{} was readable beyond its owner ({}): keeping it to its owner",
                    file,
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }
}
