package com.linetrace.trace;

import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * How fast trace catches up: 500 units' lives (about 20 unit events and 2 provisioning events each) written to the
 * topics at once, then timed until the read model holds the last of them. Prints events per second.
 */
@IntegrationTest
class IntakeRateIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("linetraceKafkaTemplate")
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void catchesUpWithABacklogOfEvents() {
        var stories = new ArrayList<Story>();
        for (int u = 0; u < 500; u++) {
            var story = Story.aUnit().initialized("WO-000950", "AX4-ENT", 3);
            for (int op = 10; op <= 40; op += 10) {
                story.arrived(op, "ASM-" + op / 10)
                        .installedLot(op, "PART-" + op, "L-RATE-" + op, 1)
                        .installedSerial(op, "SUB-" + op, "S-" + op + "-" + story.serial.value(), "U" + op)
                        .passed(op, op + 10);
            }
            story.flashed(FirmwareModule.FLIGHT_CONTROLLER, UUID.randomUUID(), "4.5.1", Story.randomSha256())
                    .keyed(Story.randomSha256());
            stories.add(story);
        }
        long events = stories.stream()
                .mapToLong(s -> s.unitEvents.size() + s.provisioningEvents.size())
                .sum();
        long start = System.nanoTime();
        for (var story : stories) {
            for (var e : story.unitEvents) {
                kafka.send(Topics.UNIT_EVENTS, story.serial.value(), UnitEvent.CODEC.encode(e));
            }
            for (var e : story.provisioningEvents) {
                kafka.send(Topics.PROVISIONING_EVENTS, story.serial.value(), ProvisioningEvent.CODEC.encode(e));
            }
        }
        kafka.flush();
        long sent = System.nanoTime();
        var serials = stories.stream().map(s -> s.serial.value()).toList();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("""
                                select (select count(*) from trace.unit_event where serial in (:serials))
                                    + (select count(*) from trace.provisioning_record where serial in (:serials))""")
                                .param("serials", serials)
                                .query(Long.class)
                                .single()
                        == events);
        long done = System.nanoTime();
        System.out.printf(
                "intake: %d events of %d units sent in %.1f s, all applied %.1f s after the first was sent: %.0f events/s%n",
                events, stories.size(), (sent - start) / 1e9, (done - start) / 1e9, events / ((done - start) / 1e9));
    }
}
