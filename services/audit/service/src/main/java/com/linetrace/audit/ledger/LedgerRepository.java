package com.linetrace.audit.ledger;

import com.linetrace.audit.verifier.Merkle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's rows: entries in append order, the hashes of complete subtrees, and the signed checkpoints. One writer
 * at a time per log: every append and every checkpoint takes a transaction-scoped PostgreSQL advisory lock first, so
 * two instances (consuming different partitions and topics) never give two entries one index, and a checkpoint sees
 * the log between two appends (DD016).
 */
class LedgerRepository {

    /** The advisory lock of the one log ("LTAUDIT1"); any number outside the other services' locks. */
    static final long WRITER_LOCK = 0x4C54_4155_4449_5431L;

    private static final String ENTRY_COLUMNS = "idx, event_id, topic, type, occurred_at, appended_at, actor, plant,"
            + " line, station, serial, reason, event, entry, leaf_hash";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the log's writer lock, held until the transaction ends. */
    void lockWriter() {
        requireTransaction();
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", WRITER_LOCK)
                .query()
                .listOfRows();
    }

    boolean contains(UUID eventId) {
        return jdbc.sql("select exists (select 1 from audit.entry where event_id = :id)")
                .param("id", eventId)
                .query(Boolean.class)
                .single();
    }

    /** The number of entries: one more than the highest index. */
    long size() {
        return jdbc.sql("select coalesce(max(idx) + 1, 0) from audit.entry")
                .query(Long.class)
                .single();
    }

    /** The event ids among {@code eventIds} already in the log. */
    Set<UUID> containing(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("select event_id from audit.entry where event_id = any(cast(:ids as uuid[]))")
                .param("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
    }

    /**
     * Appends {@code entries} from {@code index} on (the log's size, under the writer lock), and the subtrees they
     * complete: each leaf at level 0, then each parent while the node is a right child. The subtrees are worked out
     * in memory (a left sibling from before the poll read once) and written, like the entries, in one statement.
     */
    void appendAll(long index, List<LedgerEntry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return;
        }
        var hex = HexFormat.of();
        var rows = new HashMap<String, List<@Nullable String>>();
        var subtrees = new LinkedHashMap<List<Long>, byte[]>();
        var position = index;
        for (var entry : entries) {
            var canonical = entry.canonical();
            var leaf = Merkle.leafHash(canonical);
            column(rows, "idx", Long.toString(position));
            column(rows, "eventId", entry.eventId().toString());
            column(rows, "topic", entry.topic());
            column(rows, "type", entry.type());
            column(rows, "occurredAt", entry.occurredAt().toString());
            column(rows, "appendedAt", entry.appendedAt().toString());
            column(rows, "actor", entry.actor());
            column(rows, "plant", entry.plant());
            column(rows, "line", entry.line());
            column(rows, "station", entry.station());
            column(rows, "serial", entry.serial());
            column(rows, "reason", entry.reason());
            column(rows, "event", "\\x" + hex.formatHex(entry.event()));
            column(rows, "entry", "\\x" + hex.formatHex(canonical));
            column(rows, "leaf", "\\x" + hex.formatHex(leaf));
            var level = 0L;
            var node = position;
            var hash = leaf;
            subtrees.put(List.of(level, node), hash);
            while ((node & 1) == 1) {
                var sibling = List.of(level, node - 1);
                var left = subtrees.get(sibling);
                hash = Merkle.nodeHash(left != null ? left : subtree((int) level, node - 1), hash);
                level++;
                node >>= 1;
                subtrees.put(List.of(level, node), hash);
            }
            position++;
        }
        var arrays = new HashMap<String, Object>();
        rows.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
        jdbc.sql("""
                        insert into audit.entry (idx, event_id, topic, type, occurred_at, appended_at, actor, plant,
                            line, station, serial, reason, event, entry, leaf_hash)
                        select * from unnest(cast(:idx as bigint[]), cast(:eventId as uuid[]), cast(:topic as text[]),
                            cast(:type as text[]), cast(:occurredAt as timestamptz[]),
                            cast(:appendedAt as timestamptz[]), cast(:actor as text[]), cast(:plant as text[]),
                            cast(:line as text[]), cast(:station as text[]), cast(:serial as text[]),
                            cast(:reason as text[]), cast(:event as bytea[]), cast(:entry as bytea[]),
                            cast(:leaf as bytea[]))""").params(arrays).update();
        jdbc.sql("""
                        insert into audit.subtree (level, idx, hash)
                        select * from unnest(cast(:level as integer[]), cast(:idx as bigint[]), cast(:hash as bytea[]))""")
                .param(
                        "level",
                        subtrees.keySet().stream()
                                .map(key -> key.get(0).toString())
                                .toArray(String[]::new))
                .param(
                        "idx",
                        subtrees.keySet().stream()
                                .map(key -> key.get(1).toString())
                                .toArray(String[]::new))
                .param(
                        "hash",
                        subtrees.values().stream()
                                .map(hash -> "\\x" + hex.formatHex(hash))
                                .toArray(String[]::new))
                .update();
    }

    private static void column(Map<String, List<@Nullable String>> rows, String name, @Nullable String value) {
        rows.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    /** The stored hash of complete subtree {@code index} at {@code level}. */
    byte[] subtree(int level, long index) {
        return jdbc.sql("select hash from audit.subtree where level = :level and idx = :idx")
                .param("level", level)
                .param("idx", index)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new LedgerBrokenException(
                        "The hash of subtree " + index + " at level " + level + " is missing"));
    }

    /**
     * The log as RFC 9162's MTH over stored subtrees: a range of a power-of-two length aligned to it is one row, any
     * other range is split as the RFC splits it. Ranges that proofs and roots ask for are always so aligned.
     */
    Merkle.Subtrees tree() {
        return new Merkle.Subtrees() {
            @Override
            public byte[] hash(long start, long end) {
                var n = end - start;
                if (Long.bitCount(n) == 1 && start % n == 0) {
                    return subtree(Long.numberOfTrailingZeros(n), start / n);
                }
                var k = Merkle.split(n);
                return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    Optional<StoredEntry> entry(long index) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from audit.entry where idx = :idx")
                .param("idx", index)
                .query(LedgerRepository::stored)
                .optional();
    }

    /** Entries from {@code from} on, in index order, at most {@code limit}: the verification reads the log so. */
    List<StoredEntry> entriesFrom(long from, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from audit.entry where idx >= :from order by idx limit :limit")
                .param("from", from)
                .param("limit", limit)
                .query(LedgerRepository::stored)
                .list();
    }

    /** The entries naming {@code serial}, in log order, at most {@code limit}. */
    List<StoredEntry> unitEntries(String serial, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS
                        + " from audit.entry where serial = :serial order by idx limit :limit")
                .param("serial", serial)
                .param("limit", limit)
                .query(LedgerRepository::stored)
                .list();
    }

    List<StoredEntry> search(
            @Nullable String serial,
            @Nullable String actor,
            @Nullable String type,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long before,
            int limit) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        criterion(where, params, "serial = :serial", "serial", serial);
        criterion(where, params, "actor = :actor", "actor", actor);
        criterion(where, params, "type = :type", "type", type);
        criterion(where, params, "occurred_at >= :from", "from", from == null ? null : Timestamp.from(from));
        criterion(where, params, "occurred_at < :to", "to", to == null ? null : Timestamp.from(to));
        criterion(where, params, "idx < :before", "before", before);
        params.put("limit", limit);
        return jdbc.sql("select " + ENTRY_COLUMNS + " from audit.entry"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by idx desc limit :limit")
                .params(params)
                .query(LedgerRepository::stored)
                .list();
    }

    private static void criterion(
            List<String> where, Map<String, Object> params, String condition, String name, @Nullable Object value) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
    }

    void insertCheckpoint(long treeSize, byte[] root, String note, Instant issuedAt) {
        jdbc.sql("""
                        insert into audit.checkpoint (tree_size, root_hash, note, issued_at)
                        values (:size, :root, :note, :issuedAt) on conflict (tree_size) do nothing""")
                .param("size", treeSize)
                .param("root", root)
                .param("note", note)
                .param("issuedAt", Timestamp.from(issuedAt))
                .update();
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("select tree_size, root_hash, note, issued_at from audit.checkpoint"
                        + " order by tree_size desc limit 1")
                .query(LedgerRepository::checkpoint)
                .optional();
    }

    Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc.sql("select tree_size, root_hash, note, issued_at from audit.checkpoint where tree_size = :size")
                .param("size", treeSize)
                .query(LedgerRepository::checkpoint)
                .optional();
    }

    List<StoredCheckpoint> checkpoints(@Nullable Long before, int limit) {
        return jdbc.sql("select tree_size, root_hash, note, issued_at from audit.checkpoint"
                        + " where tree_size < :before order by tree_size desc limit :limit")
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(LedgerRepository::checkpoint)
                .list();
    }

    /** Every checkpoint, smallest tree first: the verification compares each with the entries. */
    List<StoredCheckpoint> allCheckpoints() {
        return jdbc.sql("select tree_size, root_hash, note, issued_at from audit.checkpoint order by tree_size")
                .query(LedgerRepository::checkpoint)
                .list();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The ledger is written in a transaction holding its writer lock");
        }
    }

    private static StoredEntry stored(ResultSet rs, int row) throws SQLException {
        return new StoredEntry(
                rs.getLong("idx"),
                new LedgerEntry(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("type"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("appended_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("plant"),
                        rs.getString("line"),
                        rs.getString("station"),
                        rs.getString("serial"),
                        rs.getString("reason"),
                        rs.getBytes("event")),
                rs.getBytes("entry"),
                rs.getBytes("leaf_hash"));
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(
                rs.getLong("tree_size"),
                rs.getBytes("root_hash"),
                rs.getString("note"),
                rs.getTimestamp("issued_at").toInstant());
    }

    /** An entry's row: its fields, and the canonical bytes and leaf hash stored when it was appended. */
    record StoredEntry(long index, LedgerEntry fields, byte[] entry, byte[] leafHash) {}

    record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant issuedAt) {}
}
