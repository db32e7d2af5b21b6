package com.linetrace.trace.query;

import com.linetrace.trace.api.UnitSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A where-used as CSV, read page by page as the reader asks for bytes: never more than one page in memory, however
 * many units the result has. When closed it reports how many rows it gave and whether it reached the end.
 */
final class CsvStream extends InputStream {

    static final String HEADER = "serial,status,held,model,work_order,line,last_station,last_event_at\n";

    /** What happens when the reader is done: the export's audit. */
    interface Done {
        void rows(long rows, boolean complete);
    }

    private final Function<String, List<UnitSummary>> pageAfter;
    private final int pageSize;
    private final Done done;
    private byte[] buffer = HEADER.getBytes(StandardCharsets.UTF_8);
    private int position;
    private String after = "";
    private boolean lastPage;
    private boolean closed;
    private long rows;

    CsvStream(Function<String, List<UnitSummary>> pageAfter, int pageSize, Done done) {
        this.pageAfter = pageAfter;
        this.pageSize = pageSize;
        this.done = done;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            done.rows(rows, lastPage && position >= buffer.length);
        }
    }

    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("The export is closed");
        }
        while (position >= buffer.length) {
            if (lastPage) {
                return false;
            }
            var page = pageAfter.apply(after);
            lastPage = page.size() < pageSize;
            var text = new StringBuilder(page.size() * 96);
            for (var unit : page) {
                line(text, unit);
                after = unit.serial();
            }
            rows += page.size();
            buffer = text.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    private static void line(StringBuilder text, UnitSummary unit) {
        field(text, unit.serial()).append(',');
        field(text, unit.status().name()).append(',');
        field(text, String.valueOf(unit.held())).append(',');
        field(text, unit.model()).append(',');
        field(text, unit.workOrder()).append(',');
        field(text, unit.line()).append(',');
        field(text, unit.lastStation()).append(',');
        field(text, unit.lastEventAt().toString()).append('\n');
    }

    /**
     * RFC 4180 quoting; a value a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, so
     * an id typed on the floor cannot become a formula on a quality engineer's machine.
     */
    static StringBuilder field(StringBuilder text, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return text;
        }
        var safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return text.append('"').append(safe.replace("\"", "\"\"")).append('"');
        }
        return text.append(safe);
    }
}
