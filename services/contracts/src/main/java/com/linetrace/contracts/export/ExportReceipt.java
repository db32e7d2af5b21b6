package com.linetrace.contracts.export;

import java.util.Objects;

/**
 * An export written to the plant's export folder ({@code linetrace.offline.export-dir}) rather than handed to the
 * person who asked: the file's name in that folder, its size and its SHA-256 (the audit entry carries the same).
 */
public record ExportReceipt(String file, long bytes, String sha256) {

    public ExportReceipt {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
