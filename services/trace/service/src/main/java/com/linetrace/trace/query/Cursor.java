package com.linetrace.trace.query;

import com.linetrace.trace.api.TraceProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Where a keyset page ends: the last unit's serial and, when the page is in time order, its time. Handed out opaque
 * (base64url), bound to the query it came from by a short digest, so a cursor of another query is refused instead of
 * silently skipping units.
 */
record Cursor(String serial, @Nullable Instant at) {

    private static final int MAX_LENGTH = 200;

    String encode(String query) {
        var text = digest(query) + "|" + (at == null ? "" : at.toString()) + "|" + serial;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor handed out for {@code query}, or null for the first page. */
    static @Nullable Cursor decode(@Nullable String cursor, String query) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        var parts = text.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(digest(query)) || parts[2].isEmpty()) {
            throw invalid();
        }
        try {
            return new Cursor(parts[2], parts[1].isEmpty() ? null : Instant.parse(parts[1]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String digest(String query) {
        return Integer.toHexString(query.hashCode());
    }

    private static RuntimeException invalid() {
        return TraceProblem.INVALID_CURSOR.exception(
                "The cursor is not one this query handed out: start again from the first page (no cursor)");
    }
}
