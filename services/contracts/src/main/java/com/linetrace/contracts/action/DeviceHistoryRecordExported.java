package com.linetrace.contracts.action;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person had the device history record of one unit made and handed to them: which unit, in which format, and the
 * SHA-256 of the exact bytes they received, so that a record shown later can be checked against the ledger. Who and
 * when are the envelope's actor and occurred-at. A record is made only on a person's request, and each is audited.
 *
 * @param serial the unit's serial
 * @param format {@code pdf} or {@code json}
 * @param sha256 the document's SHA-256, 64 lower-case hex digits
 * @param bytes the document's length
 * @param file where it was written instead of handed out (the plant's export folder); null when handed to the person
 */
public record DeviceHistoryRecordExported(
        String serial,
        String format,
        String sha256,
        long bytes,
        @Nullable String file) implements AuditAction {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public DeviceHistoryRecordExported {
        Serial.parse(Objects.requireNonNull(serial, "serial"));
        Text.require("format", format, Text.ID);
        if (!HEX.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
            throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits");
        }
        Text.optional("file", file, Text.NAME);
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }

    /** A record handed to the person who asked. */
    public DeviceHistoryRecordExported(String serial, String format, String sha256, long bytes) {
        this(serial, format, sha256, bytes, null);
    }
}
