package com.linetrace.deadletter;

import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The copies of dead letters in the {@code deadletter} schema, and what people decided about them. */
class DeadLetterRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, source_topic, dead_letter_topic, partition_no, dead_letter_offset, source_offset, consumer_group,
            message_key,
            failed_at, reason, replayable, state, decided_by, decided_at, decision_reason""";

    private final JdbcClient jdbc;

    DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a copy; a dead letter read again (after a rebalance or a restart) is already there and stays as it is. */
    void record(DeadLetterCopy copy) {
        var headers = JSON.createArrayNode();
        for (var header : copy.headers()) {
            headers.addObject()
                    .put("name", header.name())
                    .put("value", Base64.getEncoder().encodeToString(header.value()));
        }
        jdbc.sql("""
                        insert into deadletter.dead_letter (dead_letter_topic, partition_no, dead_letter_offset,
                            source_topic, source_offset, consumer_group, message_key, headers, message_value, reason,
                            replayable, failed_at)
                        values (:deadLetterTopic, :partition, :offset, :sourceTopic, :sourceOffset, :group, :key,
                            cast(:headers as jsonb), :value, :reason, :replayable, :failedAt)
                        on conflict (dead_letter_topic, partition_no, dead_letter_offset) do nothing""")
                .param("deadLetterTopic", copy.deadLetterTopic())
                .param("partition", copy.partition())
                .param("offset", copy.offset())
                .param("sourceTopic", copy.sourceTopic())
                .param("sourceOffset", copy.sourceOffset())
                .param("group", copy.consumerGroup())
                .param("key", copy.key())
                .param("headers", JSON.writeValueAsString(headers))
                .param("value", copy.value())
                .param("reason", copy.reason())
                .param("replayable", copy.replayable())
                .param("failedAt", Timestamp.from(copy.failedAt()))
                .update();
    }

    List<DeadLetter> page(@Nullable String topic, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from deadletter.dead_letter"
                        + " where (cast(:topic as text) is null or source_topic = :topic)"
                        + " order by failed_at desc, id desc limit :limit offset :skip")
                .param("topic", topic)
                .param("limit", size)
                .param("skip", (long) page * size)
                .query(DeadLetterRepository::letter)
                .list();
    }

    long count(@Nullable String topic) {
        return jdbc.sql("select count(*) from deadletter.dead_letter"
                        + " where (cast(:topic as text) is null or source_topic = :topic)")
                .param("topic", topic)
                .query(Long.class)
                .single();
    }

    List<String> topics() {
        return jdbc.sql("select distinct source_topic from deadletter.dead_letter order by source_topic")
                .query(String.class)
                .list();
    }

    Optional<DeadLetter> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from deadletter.dead_letter where id = :id")
                .param("id", id)
                .query(DeadLetterRepository::letter)
                .optional();
    }

    /** The dead letter, locked until the end of the transaction, so two people cannot settle it twice. */
    Optional<DeadLetter> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from deadletter.dead_letter where id = :id for update")
                .param("id", id)
                .query(DeadLetterRepository::letter)
                .optional();
    }

    /** The original's value and headers, as they are to be sent again. */
    Original original(long id) {
        return jdbc.sql("select message_value, headers from deadletter.dead_letter where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    var headers = new java.util.ArrayList<DeadLetterCopy.OriginalHeader>();
                    for (var header : (ArrayNode) JSON.readTree(rs.getString("headers"))) {
                        headers.add(new DeadLetterCopy.OriginalHeader(
                                header.get("name").asString(),
                                Base64.getDecoder().decode(header.get("value").asString())));
                    }
                    return new Original(rs.getBytes("message_value"), headers);
                })
                .single();
    }

    void settle(long id, DeadLetterState state, String actor, Instant at, String reason) {
        jdbc.sql("""
                        update deadletter.dead_letter
                        set state = :state, decided_by = :actor, decided_at = :at, decision_reason = :reason
                        where id = :id and state = 'NEW'""")
                .param("state", state.name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    record Original(byte @Nullable [] value, List<DeadLetterCopy.OriginalHeader> headers) {}

    private static DeadLetter letter(ResultSet rs, int n) throws SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("source_topic"),
                rs.getString("dead_letter_topic"),
                rs.getInt("partition_no"),
                rs.getLong("dead_letter_offset"),
                rs.getObject("source_offset", Long.class),
                rs.getString("consumer_group"),
                rs.getString("message_key"),
                rs.getTimestamp("failed_at").toInstant(),
                rs.getString("reason"),
                rs.getBoolean("replayable"),
                DeadLetterState.valueOf(rs.getString("state")),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_reason"));
    }
}
