package com.linetrace.ui.live;

import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.unit.UnitEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads unit events for the open views of this UI instance. Each instance has a consumer group of its own, so
 * every instance sees every event; it starts at the newest record, since views load what happened before from
 * trace and tracking when they open. Tracking publishes through its outbox after commit, so a view that re-reads
 * tracking on an event sees the change. Boot's own listener factory serves it: the UI needs only
 * {@code spring.kafka.bootstrap-servers}, none of the services' messaging.
 */
@Component
class UnitEventListener {

    private static final Logger log = LoggerFactory.getLogger(UnitEventListener.class);

    private final UnitEventBroadcaster broadcaster;

    UnitEventListener(UnitEventBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @KafkaListener(
            id = "linetrace-ui-live",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-ui-${random.uuid}",
            properties = {
                "auto.offset.reset=latest",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
            })
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            broadcaster.publish(UnitEvent.CODEC.decode(record.value()));
        } catch (MalformedEventException e) {
            // The services that own the data dead-letter a bad record; a throw-away UI group would only add a copy.
            log.warn(
                    "Skipped unreadable unit event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    /** Line events, for the boards of the lines this instance shows (an andon alert shows at once, not at a refresh). */
    @KafkaListener(
            id = "linetrace-ui-live-lines",
            topics = Topics.LINE_EVENTS,
            groupId = "linetrace-ui-lines-${random.uuid}",
            properties = {
                "auto.offset.reset=latest",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
            })
    void onLineEvent(ConsumerRecord<String, byte[]> record) {
        try {
            broadcaster.publish(LineEvent.CODEC.decode(record.value()));
        } catch (MalformedEventException e) {
            log.warn(
                    "Skipped unreadable line event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }
}
