package com.linetrace.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.messaging.MessagingAutoConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterCopyTests {

    private static ConsumerRecord<String, byte[]> deadLetter(RecordHeaders headers, String key, byte[] value) {
        return new ConsumerRecord<>(
                "linetrace.unit-events.v1.dlt",
                2,
                41,
                1_764_584_130_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                headers,
                Optional.empty());
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheOriginalOfAVerbatimDeadLetterForAReplayWithoutTheErrorHandlersHeaders() {
        var headers = new RecordHeaders();
        headers.add(new RecordHeader("linetrace-event-type", text("UnitsArrived")));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC, text("linetrace.unit-events.v1")));
        headers.add(new RecordHeader(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(2).array()));
        headers.add(new RecordHeader(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(1234).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, text("at com.linetrace…")));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, text("linetrace-trace")));
        headers.add(new RecordHeader(MessagingAutoConfiguration.REASON_HEADER, text("Unknown event type 'Nope'")));

        var copy = DeadLetterCopy.of(deadLetter(headers, "LTRCA000000015", text("{\"type\":\"Nope\"}")));

        assertThat(copy.sourceTopic()).isEqualTo("linetrace.unit-events.v1");
        assertThat(copy.partition()).isEqualTo(2);
        assertThat(copy.offset()).isEqualTo(41);
        assertThat(copy.sourceOffset()).isEqualTo(1234);
        assertThat(copy.consumerGroup()).isEqualTo("linetrace-trace");
        assertThat(copy.reason()).isEqualTo("Unknown event type 'Nope'");
        assertThat(copy.replayable()).isTrue();
        assertThat(copy.value()).isEqualTo(text("{\"type\":\"Nope\"}"));
        assertThat(copy.headers())
                .extracting(DeadLetterCopy.OriginalHeader::name)
                .containsExactly("linetrace-event-type");
        assertThat(copy.failedAt().toEpochMilli()).isEqualTo(1_764_584_130_000L);
    }

    @Test
    void keepsNothingOfARedactedDeadLetterButWhereItCameFromAndWhy() {
        var headers = new RecordHeaders();
        headers.add(new RecordHeader(
                MessagingAutoConfiguration.REASON_HEADER, text("The payload contains private key material")));
        var value = "{\"reason\":\"The payload contains private key material\","
                + "\"topic\":\"linetrace.equipment-results.v1\",\"partition\":2,\"offset\":77}";

        var copy = DeadLetterCopy.of(new ConsumerRecord<>(
                "linetrace.equipment-results.v1.dlt",
                2,
                5,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "LTRCA000000015",
                text(value),
                headers,
                Optional.empty()));

        assertThat(copy.sourceTopic()).isEqualTo("linetrace.equipment-results.v1");
        assertThat(copy.sourceOffset()).isEqualTo(77);
        assertThat(copy.replayable()).isFalse();
        assertThat(copy.value()).isNull();
        assertThat(copy.reason()).isEqualTo("The payload contains private key material");
    }

    @Test
    void readsTheReasonOfADeadLetterFromSpringKafkaAloneWithoutTheListenerPreamble() {
        var headers = new RecordHeaders();
        headers.add(new RecordHeader(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(9).array()));
        headers.add(
                new RecordHeader(
                        KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                        text(
                                "Listener method 'void com.linetrace.x.Y.on(ConsumerRecord)' threw exception; Missing field 'body'")));

        assertThat(DeadLetterCopy.of(deadLetter(headers, "k", text("{}"))).reason())
                .isEqualTo("Missing field 'body'");
        assertThat(DeadLetterCopy.of(deadLetter(new RecordHeaders(), "k", text("{}")))
                        .reason())
                .isEqualTo("No reason was recorded");
    }
}
