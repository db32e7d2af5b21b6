package com.linetrace.metrics.wallboard;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.Text;
import com.linetrace.metrics.api.IssuedWallboard;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.Wallboard;
import com.linetrace.metrics.api.WallboardRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wallboard tokens: 256 random bits, handed out once when an admin issues a wallboard; only their SHA-256 is kept, so
 * the table gives no TV away. A token opens its line's numbers until the wallboard is revoked, and is looked up on
 * every request, so a revoked token is refused from the next one on. The caller checks roles and holds the
 * transaction.
 */
public final class WallboardTokens {

    private static final String COLUMNS = "id, line, name, issued_by, issued_at, revoked_by, revoked_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WallboardTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IssuedWallboard issue(WallboardRequest request, String by) {
        var line = request.line();
        if (line == null) {
            throw MetricsProblem.INVALID_WALLBOARD.exception("A wallboard needs the line it shows");
        }
        try {
            LineId.parse(line);
        } catch (MalformedIdException e) {
            throw MetricsProblem.INVALID_WALLBOARD.exception("The line " + e.getMessage());
        }
        var name = request.name();
        if (name == null || name.isBlank()) {
            throw MetricsProblem.INVALID_WALLBOARD.exception("A wallboard needs a name: where it hangs");
        }
        var problem = Text.problemWith(name, 200);
        if (problem != null) {
            throw MetricsProblem.INVALID_WALLBOARD.exception("The name " + problem);
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into metrics.wallboard (id, line, name, token_hash, issued_by, issued_at)
                        values (:id, :line, :name, :hash, :by, :at)""")
                .param("id", id)
                .param("line", line)
                .param("name", name.strip())
                .param("hash", hash(token))
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return new IssuedWallboard(find(id), token);
    }

    public List<Wallboard> list() {
        return jdbc.sql("select " + COLUMNS + " from metrics.wallboard order by issued_at desc, id")
                .query(WallboardTokens::wallboard)
                .list();
    }

    public Wallboard revoke(UUID id, String by) {
        var wallboard = jdbc.sql("select " + COLUMNS + " from metrics.wallboard where id = :id")
                .param("id", id)
                .query(WallboardTokens::wallboard)
                .optional()
                .orElseThrow(() -> MetricsProblem.UNKNOWN_WALLBOARD.exception("No wallboard has the id " + id));
        if (wallboard.revoked()) {
            return wallboard;
        }
        jdbc.sql(
                        "update metrics.wallboard set revoked_by = :by, revoked_at = :at where id = :id and revoked_at is null")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return find(id);
    }

    /**
     * The line a token opens.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link MetricsProblem#WALLBOARD_TOKEN_REFUSED} for a
     *     missing, unknown or revoked token (one answer for all three)
     */
    public String lineOf(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw refused();
        }
        return jdbc.sql("select line from metrics.wallboard where token_hash = :hash and revoked_at is null")
                .param("hash", hash(token))
                .query(String.class)
                .optional()
                .orElseThrow(WallboardTokens::refused);
    }

    private Wallboard find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from metrics.wallboard where id = :id")
                .param("id", id)
                .query(WallboardTokens::wallboard)
                .single();
    }

    private static RuntimeException refused() {
        return MetricsProblem.WALLBOARD_TOKEN_REFUSED.exception(
                "This wallboard token is not valid (revoked, or never issued): ask an admin for a new one");
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Wallboard wallboard(ResultSet rs, int row) throws SQLException {
        return new Wallboard(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
    }
}
