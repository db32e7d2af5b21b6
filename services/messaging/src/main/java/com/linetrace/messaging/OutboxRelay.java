package com.linetrace.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
     * instance holds the lock. An event Kafka will never accept (too large for the producer, not serializable) is
     * set aside with the reason instead of being retried forever, and the events behind it go on; any other
     * failure leaves the whole batch to be retried.
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
                            + " where published_at is null and set_aside_at is null"
                            + " order by id limit :limit for update skip locked")
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
                sends.add(send(row));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(settings.relaySendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Kafka acknowledged the batch", e);
            } catch (ExecutionException e) {
                // Some sends failed: each is looked at below.
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch", e);
            }
            var publishedIds = new ArrayList<Long>();
            for (int i = 0; i < rows.size(); i++) {
                var failure = failureOf(sends.get(i));
                if (failure == null) {
                    publishedIds.add(rows.get(i).id());
                } else if (refusedForGood(failure)) {
                    setAside(rows.get(i), failure);
                } else {
                    throw new IllegalStateException("Kafka did not acknowledge the batch", failure);
                }
            }
            jdbc.sql("update " + table + " set published_at = now() where id = any(:ids)")
                    .param("ids", publishedIds.toArray(Long[]::new))
                    .update();
            return publishedIds.size();
        });
        return published == null ? 0 : published;
    }

    private CompletableFuture<?> send(Row row) {
        var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(new RecordHeader(TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8)));
        record.headers()
                .add(new RecordHeader(ID_HEADER, row.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static @Nullable Throwable failureOf(CompletableFuture<?> send) {
        if (!send.isCompletedExceptionally()) {
            return null;
        }
        try {
            send.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /** The record itself is what Kafka refuses: sending it again can never succeed. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException
                    || t instanceof InvalidTopicException
                    || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void setAside(Row row, Throwable failure) {
        var reason = rootMessage(failure);
        jdbc.sql("update " + table + " set set_aside_at = now(), set_aside_reason = :reason where id = :id")
                .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("id", row.id())
                .update();
        // The alert: an ERROR line and the linetrace.outbox.set-aside gauge above zero.
        log.error(
                "Outbox relay of {} set aside event {} ({} for {}, key {}, {} bytes): Kafka refuses it for good ({});"
                        + " the events behind it go on",
                schema,
                row.eventId(),
                row.type(),
                row.topic(),
                row.key(),
                row.payload().length,
                reason);
    }

    /** Events written but not yet acknowledged by Kafka, those set aside not counted. */
    public long backlog() {
        return jdbc.sql("select count(*) from " + table + " where published_at is null and set_aside_at is null")
                .query(Long.class)
                .single();
    }

    /** Events Kafka refused for good and the relay set aside: each needs a person to look at it. */
    public long setAside() {
        return jdbc.sql("select count(*) from " + table + " where set_aside_at is not null")
                .query(Long.class)
                .single();
    }

    /** The schema whose outbox this relay publishes. */
    public String schema() {
        return schema;
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

    /**
     * Lets the batch in hand finish before the relay ends: interrupted while Kafka acknowledged it, the relay would
     * roll back rows Kafka already has, and the instance that takes over would publish them a second time. Only a
     * relay still busy after the send timeout is interrupted.
     */
    @Override
    public void stop() {
        running = false;
        wakeUp();
        var thread = worker;
        if (thread != null) {
            try {
                thread.join(settings.relaySendTimeout().plusSeconds(5).toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(5_000);
                }
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
