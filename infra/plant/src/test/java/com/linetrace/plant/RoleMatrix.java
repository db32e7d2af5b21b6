package com.linetrace.plant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The role matrix of {@code docs/role-matrix.md}: its two tables (every API endpoint, every UI view, each against
 * every caller), read from the document and written back with other cells, the prose around them kept. A table lies
 * between {@code <!-- endpoints -->} (or {@code <!-- views -->}) and {@code <!-- /endpoints -->}.
 */
record RoleMatrix(String text, Map<String, Map<String, Boolean>> endpoints, Map<String, Map<String, Boolean>> views) {

    /** The callers of the columns, in order: every person's role, registered equipment, and no sign-in at all. */
    static final List<String> CALLERS =
            List.of("OPERATOR", "SUPERVISOR", "MANAGER", "QUALITY", "ENGINEER", "ADMIN", "EQUIPMENT", "anonymous");

    static final String ALLOWED = "✓";
    static final String REFUSED = "—";

    private static final Pattern ROW = Pattern.compile("^\\|(.*)\\|\\s*$");

    static Path file() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return Objects.requireNonNull(dir, "not inside the repository").resolve("docs/role-matrix.md");
    }

    static RoleMatrix read(Path file) {
        try {
            var text = Files.readString(file);
            return new RoleMatrix(text, table(text, "endpoints", 3), table(text, "views", 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same document with these tables in place of its own. */
    RoleMatrix with(Map<String, Map<String, Boolean>> otherEndpoints, Map<String, Map<String, Boolean>> otherViews) {
        var replaced = replace(text, "endpoints", render(otherEndpoints, "| service | method | path "));
        replaced = replace(replaced, "views", render(otherViews, "| route "));
        return new RoleMatrix(replaced, otherEndpoints, otherViews);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's key: {@code service METHOD path} for an endpoint, the route for a view. */
    static String endpoint(String service, String method, String path) {
        return service + " " + method + " " + path;
    }

    private static Map<String, Map<String, Boolean>> table(String text, String name, int keyColumns) {
        var rows = new LinkedHashMap<String, Map<String, Boolean>>();
        for (var line : section(text, name).split("\n")) {
            var row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            var cells = List.of(row.group(1).split("\\|", -1)).stream()
                    .map(cell -> cell.strip().replace("`", ""))
                    .toList();
            if (cells.size() != keyColumns + CALLERS.size()
                    || cells.getFirst().equals("service")
                    || cells.getFirst().equals("route")
                    || cells.getFirst().startsWith("---")) {
                continue;
            }
            var key = String.join(" ", cells.subList(0, keyColumns));
            var answers = new LinkedHashMap<String, Boolean>();
            for (int i = 0; i < CALLERS.size(); i++) {
                var cell = cells.get(keyColumns + i);
                if (!cell.equals(ALLOWED) && !cell.equals(REFUSED)) {
                    throw new IllegalStateException("role-matrix.md, " + key + ", " + CALLERS.get(i) + ": '" + cell
                            + "' is neither " + ALLOWED + " nor " + REFUSED);
                }
                answers.put(CALLERS.get(i), cell.equals(ALLOWED));
            }
            if (rows.put(key, answers) != null) {
                throw new IllegalStateException("role-matrix.md names " + key + " twice");
            }
        }
        return rows;
    }

    private static String section(String text, String name) {
        var start = text.indexOf("<!-- " + name + " -->");
        var end = text.indexOf("<!-- /" + name + " -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException("role-matrix.md has no <!-- " + name + " --> … <!-- /" + name + " -->");
        }
        return text.substring(start, end);
    }

    private static String replace(String text, String name, String table) {
        var open = "<!-- " + name + " -->";
        var start = text.indexOf(open) + open.length();
        var end = text.indexOf("<!-- /" + name + " -->");
        return text.substring(0, start) + "\n" + table + text.substring(end);
    }

    private static String render(Map<String, Map<String, Boolean>> rows, String head) {
        var out = new StringBuilder(head);
        CALLERS.forEach(caller -> out.append("| ").append(caller).append(' '));
        out.append("|\n");
        out.append("|---".repeat(head.split("\\|").length - 1 + CALLERS.size())).append("|\n");
        var keys = new ArrayList<>(rows.keySet());
        // By service, then path, then method: an endpoint's methods stand together.
        keys.sort(Comparator.comparing((String key) -> key.split(" ")[0])
                .thenComparing(key -> key.split(" ")[key.split(" ").length - 1])
                .thenComparing(Comparator.naturalOrder()));
        for (var key : keys) {
            var parts = key.split(" ");
            for (int i = 0; i < parts.length; i++) {
                var last = i == parts.length - 1;
                out.append("| ").append(last ? "`" + parts[i] + "`" : parts[i]).append(' ');
            }
            for (var caller : CALLERS) {
                out.append("| ")
                        .append(rows.get(key).get(caller) ? ALLOWED : REFUSED)
                        .append(' ');
            }
            out.append("|\n");
        }
        return out.toString();
    }
}
