package com.linetrace.provisioning.secrets;

import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends failed records to the dead-letter topic, except that a record holding private key material (in its
 * value, key or headers, raw or once decoded) is never forwarded, nor is one that could not be decoded (it may hold a
 * key in a shape no detector knows): in its place goes a redacted record that says only why and where it came from
 * (topic, partition, offset). If that send fails the recoverer throws, so the error handler tries
 * again rather than falling back to the verbatim copy.
 */
public final class RedactingDeadLetterRecoverer implements ConsumerRecordRecoverer {

    /** Header of a redacted dead letter carrying the reason. */
    public static final String REASON_HEADER = "linetrace-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(RedactingDeadLetterRecoverer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaOperations<String, byte[]> kafka;
    private final ConsumerRecordRecoverer verbatim;

    public RedactingDeadLetterRecoverer(KafkaOperations<String, byte[]> kafka, ConsumerRecordRecoverer verbatim) {
        this.kafka = kafka;
        this.verbatim = verbatim;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Exception exception) {
        var kind = privateKeyIn(record, exception);
        var unreadable = unreadable(exception);
        if (kind.isEmpty() && unreadable == null) {
            verbatim.accept(record, exception);
            return;
        }
        var reason = kind.isPresent()
                ? new PrivateKeyMaterialException(kind.get()).getMessage()
                : "Unreadable record (" + unreadable + "); set aside without its payload, which may hold anything"
                        + " (the source topic keeps it for its retention)";
        var key = record.key() instanceof String text
                        && PrivateKeyDetector.find(text).isEmpty()
                ? text
                : null;
        var value = JSON.writeValueAsBytes(Map.of(
                "reason", reason, "topic", record.topic(), "partition", record.partition(), "offset", record.offset()));
        var redacted =
                new ProducerRecord<String, byte[]>(Topics.deadLetter(record.topic()), record.partition(), key, value);
        redacted.headers().add(new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(redacted).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a redacted dead letter");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a redacted dead letter; the record will be retried");
        }
        log.warn(
                "Refused record {}-{}@{}: {}; sent a redacted dead letter",
                record.topic(),
                record.partition(),
                record.offset(),
                kind.isPresent()
                        ? "it held private key material (" + kind.get() + ")"
                        : "unreadable (" + unreadable + ")");
    }

    /** Why the record could not be decoded (and so was never checked field by field), if that is why it failed. */
    private static @Nullable String unreadable(@Nullable Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof MalformedSerialException) {
                return cause.getMessage();
            }
        }
        return null;
    }

    private static Optional<String> privateKeyIn(ConsumerRecord<?, ?> record, @Nullable Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PrivateKeyMaterialException found) {
                return Optional.of(found.kind());
            }
        }
        for (var part : new Object[] {record.value(), record.key()}) {
            var kind = part instanceof byte[] bytes
                    ? PrivateKeyDetector.find(bytes)
                    : part instanceof String text ? PrivateKeyDetector.find(text) : Optional.<String>empty();
            if (kind.isPresent()) {
                return kind;
            }
        }
        for (Header header : record.headers()) {
            var kind = PrivateKeyDetector.find(header.value());
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }
}
