package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person took data out of LineTrace: a sheet of labels to print, or a bulk read of many units through the API.
 * What, in which format, by which query and how much; who, when and from where are the envelope's actor, occurred-at
 * and origin. (Trace's own exports have their records: {@link TraceExported}, {@link DeviceHistoryRecordExported}.)
 *
 * @param export what was exported, e.g. {@code work-order-labels}, {@code station-labels}, {@code unit-statuses}
 * @param format {@code pdf}, {@code json}…
 * @param query what was asked for, in the words of the request, e.g. {@code workOrder=WO-000042}
 * @param rows how many records (labels, units) it held
 * @param sha256 the document's SHA-256 where it is a file, so a copy found later can be matched to this action
 * @param file where it was written instead of handed out, when the plant is offline and it went to the export
 *     folder; null when it was handed to the person
 */
public record DataExported(
        String export,
        String format,
        String query,
        long rows,
        @Nullable String sha256,
        @Nullable String file) implements AuditAction {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public DataExported {
        Text.require("export", export, Text.ID);
        Text.require("format", format, Text.ID);
        Text.require("query", query, Text.REASON);
        Text.optional("file", file, Text.NAME);
        if (sha256 != null && !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
    }
}
