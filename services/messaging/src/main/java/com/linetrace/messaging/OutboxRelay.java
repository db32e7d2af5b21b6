package com.linetrace.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes a service's outbox to Kafka, oldest first. One relay at a time works on a given outbox (a
 * PostgreSQL advisory lock), so a unit's events leave in the order they were committed even when several
 * instances of a service run. A row is marked published only after Kafka acknowledged it; a crash in between
 * publishes it again, which consumers absorb by deduplicating on the event id.
 */
public final class OutboxRelay implements SmartLifecycle {

    /** Kafka header carrying the event's stable type name. */
    public static final String TYPE_HEADER = "linetrace-event-type";

    /** Kafka header carrying the event id, for consumers that dedupe before decoding. */
    public static final String ID_HEADER = "linetrace-event-id";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String schema;
    private final String table;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final MessagingSettings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread worker;
    private Instant lastPurge = Instant.EPOCH;

    public OutboxRelay(
            String schema,
            JdbcClient jdbc,
            TransactionOperations transactions,
            KafkaOperations<String, byte[]> kafka,
            MessagingSettings settings) {
        this.schema = schema;
        this.table = ServiceSchema.qualified(schema, "outbox");
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Publishes one batch and returns how many events it published: 0 when the outbox is empty or another
     * instance holds the lock.
     */
    public int relayBatch() {
        Integer published = transactions.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:name))")
                    .param("name", "linetrace.outbox." + schema)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return 0;
            }
            var rows = jdbc.sql("select id, event_id, topic, message_key, event_type, payload from " + table
                            + " where published_at is null order by id limit :limit for update skip locked")
                    .param("limit", settings.relayBatchSize())
                    .query((rs, n) -> new Row(
                            rs.getLong("id"),
                            rs.getObject("event_id", UUID.class),
                            rs.getString("topic"),
                            rs.getString("message_key"),
                            rs.getString("event_type"),
                            rs.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            var sends = new ArrayList<CompletableFuture<?>>(rows.size());
            for (var row : rows) {
                var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add(new RecordHeader(TYPE_HEADER, row.type().getBytes()));
                record.headers()
                        .add(new RecordHeader(
                                ID_HEADER, row.eventId().toString().getBytes()));
                sends.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(settings.relaySendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Kafka did not acknowledge the batch", e);
            }
            jdbc.sql("update " + table + " set published_at = now() where id = any(:ids)")
                    .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /** Events written but not yet acknowledged by Kafka. */
    public long backlog() {
        return jdbc.sql("select count(*) from " + table + " where published_at is null")
                .query(Long.class)
                .single();
    }

    private void loop() {
        var backoff = settings.relayPollInterval();
        while (running) {
            try {
                int published = relayBatch();
                backoff = settings.relayPollInterval();
                purgeIfDue();
                if (published < settings.relayBatchSize()) {
                    wakeUps.tryAcquire(settings.relayPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Outbox relay of {} could not publish, retrying in {} ms: {}",
                        schema,
                        backoff.toMillis(),
                        rootMessage(e));
                try {
                    wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Published rows are kept a while for replay and inspection, then removed so the table stays small. */
    private void purgeIfDue() {
        var now = Instant.now();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        lastPurge = now;
        jdbc.sql("delete from " + table + " where published_at < :before")
                .param("before", java.sql.Timestamp.from(now.minus(settings.outboxRetention())))
                .update();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay-" + schema).daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        var thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long id, UUID eventId, String topic, String key, String type, byte[] payload) {}
}
