package com.linetrace.provisioning.equipment;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.messaging.MessagingAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads what station equipment reports. A record holding private key material is refused before it is decoded, and
 * its decoded fields are checked again ({@link EquipmentResults}); such a record goes to the dead-letter topic
 * redacted ({@link EquipmentResultErrors}), and so does one that cannot be read (with the reason, without its
 * payload, which may hold a key in a shape the detector does not know); everything else takes the one path of
 * {@link EquipmentResults}.
 */
@Component
class EquipmentResultListener {

    private final EquipmentResults results;

    EquipmentResultListener(EquipmentResults results) {
        this.results = results;
    }

    @KafkaListener(
            id = "provisioning-equipment-results",
            topics = Topics.EQUIPMENT_RESULTS,
            groupId = "linetrace-provisioning",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY,
            containerPostProcessor = EquipmentResultErrors.BEAN)
    void on(ConsumerRecord<String, byte[]> record) {
        PrivateKeyDetector.refuseIfPresent(record.value());
        if (record.key() != null) {
            PrivateKeyDetector.refuseIfPresent(record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (var header : record.headers()) {
            PrivateKeyDetector.refuseIfPresent(header.value());
        }
        results.accept(EquipmentResult.CODEC.decode(record.value()));
    }
}
