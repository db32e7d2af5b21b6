package com.linetrace.provisioning.equipment;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record the broker accepts because it compresses well can still be far larger than anything the plant sends
 * on: it must be dead-lettered with its reason, and the results behind it must still get their verdicts.
 */
class OversizedResultIT extends ProvisioningIntegrationSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCompressedResultWithAThreeMegabyteModelIsDeadLetteredAndLaterResultsStillGetTheirVerdicts() throws Exception {
        var release = aRelease();
        approved(release);
        var huge = newSerial();
        var node = (ObjectNode)
                JSON.readTree(EquipmentResult.CODEC.encode(aFlash(huge, release).event()));
        ((ObjectNode) node.get("body")).put("model", "AX4-ENT".repeat(3_000_000 / 7));
        var value = JSON.writeValueAsBytes(node);
        assertThat(value.length).isGreaterThan(3_000_000);
        try (var equipment = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                8 * 1024 * 1024))) {
            equipment
                    .send(new ProducerRecord<>(Topics.EQUIPMENT_RESULTS, huge.value(), value))
                    .get();
        }

        var after = atFlashStation(newSerial());
        send(aFlash(after, release).event());

        assertThat(onlyEventOf(after).body()).isInstanceOf(FirmwareVerified.class);
        var deadLetter = readUntil(
                        Topics.deadLetter(Topics.EQUIPMENT_RESULTS),
                        records -> records.stream().anyMatch(r -> huge.value().equals(r.key())))
                .stream()
                .filter(r -> huge.value().equals(r.key()))
                .findFirst()
                .orElseThrow();
        // An unreadable record is set aside redacted (where it is and why, never its payload): nothing of 3 MB.
        assertThat(deadLetter.value())
                .as("the dead letter carries no copy of the record")
                .hasSizeLessThan(4096);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8))
                .contains("an event has at most")
                .doesNotContain("AX4-ENTAX4-ENT");
        assertThat(jdbc.sql("select count(*) from provisioning.flash_record where serial = :serial")
                        .param("serial", huge.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
