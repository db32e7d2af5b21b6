package com.linetrace.trace.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A poll's rows for one multi-row statement, column by column: each column is bound as one text array and the
 * statement casts it and reads the rows with {@code unnest}, so a poll costs a statement per table, not one per event.
 */
final class Rows {

    private final String[] columns;
    private final List<List<@Nullable String>> values;

    Rows(String... columns) {
        this.columns = columns;
        this.values = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            values.add(new ArrayList<>());
        }
    }

    /** One row, a value per column in the order they were named. */
    void add(@Nullable Object... row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("A row of " + row.length + " values for " + columns.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            values.get(i).add(text(row[i]));
        }
    }

    boolean isEmpty() {
        return values.getFirst().isEmpty();
    }

    /** Runs {@code sql}, whose parameters are the columns' names, each a {@code text[]} to cast. */
    void write(JdbcClient jdbc, String sql) {
        if (isEmpty()) {
            return;
        }
        jdbc.sql(sql).params(arrays()).update();
    }

    /** Each column's values as the array its parameter binds. */
    Map<String, String[]> arrays() {
        var arrays = new HashMap<String, String[]>();
        for (int i = 0; i < columns.length; i++) {
            arrays.put(columns[i], values.get(i).toArray(String[]::new));
        }
        return arrays;
    }

    /**
     * A time as PostgreSQL stores it, to the microsecond, rounded half up as the JDBC driver rounds a bound timestamp:
     * the rows written here hold the same instants the one-row statements before them wrote.
     */
    static Instant micros(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** A PostgreSQL array literal of texts, for a {@code text[]} cell inside a column of rows. */
    static String arrayLiteral(Collection<String> texts) {
        var literal = new StringBuilder("{");
        for (var text : texts) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            text.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append((char) c);
            });
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp at -> micros(at.toInstant()).toString();
            case Instant at -> micros(at).toString();
            default -> value.toString();
        };
    }
}
