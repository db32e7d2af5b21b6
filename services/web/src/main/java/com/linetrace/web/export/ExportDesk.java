package com.linetrace.web.export;

import com.linetrace.contracts.export.ExportProblem;
import com.linetrace.contracts.export.ExportReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an export may go: handed to the person who asked (not in offline mode), or written to the plant's export
 * folder. Each service's export asks here first, then records its audit action with what this answered.
 */
public class ExportDesk {

    private static final Logger log = LoggerFactory.getLogger(ExportDesk.class);

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final OfflineSettings settings;
    private final Clock clock;

    public ExportDesk(OfflineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the plant is in offline mode. */
    public boolean offline() {
        return settings.enabled();
    }

    /** The export folder, if one is configured. */
    public @Nullable Path folder() {
        return settings.exportDir();
    }

    /**
     * Refuses to hand {@code what} out when the plant is offline.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link ExportProblem#EXPORT_REFUSED_OFFLINE}
     */
    public void requireHandOut(String what) {
        if (settings.enabled()) {
            throw ExportProblem.EXPORT_REFUSED_OFFLINE.exception(
                    "This plant is in offline mode (linetrace.offline.enabled): nothing leaves it, not even on"
                            + " purpose, so " + what + " is not handed out. "
                            + (settings.exportDir() == null
                                    ? "No export folder is configured (linetrace.offline.export-dir)."
                                    : "Export it to the plant's export folder instead."));
        }
    }

    /** Writes {@code bytes} to the export folder as a new file named after {@code name}. */
    public ExportReceipt toFolder(String name, byte[] bytes) {
        return toFolder(name, out -> out.write(bytes));
    }

    /** Writes what {@code in} holds, read to its end, to the export folder as a new file named after {@code name}. */
    public ExportReceipt toFolder(String name, InputStream in) {
        return toFolder(name, in::transferTo);
    }

    /** What writes an export's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes an export to the folder: to a temporary file first, then moved into place, so the folder never shows half
     * a file. The name is {@code name} with the time and a few random characters before its extension, so no export
     * replaces another.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link ExportProblem#EXPORT_FOLDER_NOT_CONFIGURED} or
     *     {@link ExportProblem#EXPORT_FOLDER_UNWRITABLE}
     */
    public ExportReceipt toFolder(String name, Content content) {
        var dir = settings.exportDir();
        if (dir == null) {
            throw ExportProblem.EXPORT_FOLDER_NOT_CONFIGURED.exception(
                    "No export folder is configured (linetrace.offline.export-dir): an export can only be written there");
        }
        var file = dir.resolve(fileName(name));
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, ".export-", ".part");
            var digest = MessageDigest.getInstance("SHA-256");
            try (var out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                content.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            var receipt = new ExportReceipt(
                    file.toAbsolutePath().toString(),
                    Files.size(file),
                    HexFormat.of().formatHex(digest.digest()));
            log.info("Export written to {} ({} bytes)", receipt.file(), receipt.bytes());
            return receipt;
        } catch (IOException e) {
            deleteQuietly(temporary);
            log.error("Could not write an export to {}: {}", dir, e.toString());
            throw ExportProblem.EXPORT_FOLDER_UNWRITABLE.exception(
                    "The export folder could not be written; nothing was exported. Ask the plant's IT to check it");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Removes an export just written, when what records it failed: no file leaves without its audit entry. */
    public void withdraw(ExportReceipt receipt) {
        try {
            Files.deleteIfExists(Path.of(receipt.file()));
        } catch (IOException e) {
            log.error("An export without its audit entry could not be removed: {}", receipt.file());
        }
    }

    /** The SHA-256 of a document, as the audit actions carry it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private String fileName(String name) {
        var safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        var dot = safe.lastIndexOf('.');
        var stem = dot > 0 ? safe.substring(0, dot) : safe;
        var extension = dot > 0 ? safe.substring(dot) : "";
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return stem + "-" + STAMP.format(clock.instant()) + "-" + unique + extension;
    }

    private static void deleteQuietly(@Nullable Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The half-written file stays as a hidden .part file; the error above says what went wrong.
            }
        }
    }
}
