package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * A person exported trace data out of LineTrace (a where-used as CSV…): what, by which query, how many rows. Who and
 * when are the envelope's actor and occurred-at. Exports happen only on a person's request, and each is audited.
 *
 * @param export what was exported, e.g. {@code where-used}
 * @param format the file's format, e.g. {@code csv}
 * @param query the query in the words of its request parameters, e.g. {@code partNumber=MTR-2306&lot=L-42}
 * @param rows how many rows the file held
 * @param complete false when the reader stopped before the end (the connection closed)
 * @param file where it was written instead of handed out (the plant's export folder); null when handed to the person
 */
public record TraceExported(
        String export,
        String format,
        String query,
        long rows,
        boolean complete,
        @Nullable String file) implements AuditAction {

    public TraceExported {
        Text.require("export", export, Text.ID);
        Text.require("format", format, Text.ID);
        Text.require("query", query, Text.REASON);
        Text.optional("file", file, Text.NAME);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
    }

    /** An export handed to the person who asked. */
    public TraceExported(String export, String format, String query, long rows, boolean complete) {
        this(export, format, query, rows, complete, null);
    }
}
