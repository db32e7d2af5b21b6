package com.linetrace.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trace writes a poll's events with a multi-row statement per table: a unit's whole life read in one poll must give
 * the answers it gives read an event at a time, and a record that fails alone must not cost the rest of its poll.
 */
@IntegrationTest
class PollIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final UUID firstFlightRelease = UUID.randomUUID();
    private final UUID secondFlightRelease = UUID.randomUUID();
    private final UUID escRelease = UUID.randomUUID();
    private final String firstSha = Story.randomSha256();
    private final String secondSha = Story.randomSha256();
    private final String escSha = Story.randomSha256();
    private final String frames = Story.unique("L-FRM");
    private final String fingerprint = Story.randomSha256();
    private final String esc = Story.unique("ESC");
    private final UUID oldEscRelease = UUID.randomUUID();
    private final String oldEscSha = Story.randomSha256();

    /**
     * A life with what the intake works out across events: rework at an operation (two visits, the later one
     * closed), a result without a check-in, defects repeated, a hold and its release, a module flashed twice and its
     * release revoked, another module's revocation of a release it does not carry.
     */
    private Story life(Instant start) {
        return Story.aUnitStartingAt(start)
                .initialized("WO-000950", "AX4-ENT", 3)
                .arrived(10, "ASM-1")
                .installedLot(10, "FRM-AX4", frames, 1)
                .installedSerial(10, "ESC-40A", esc, "ESC1")
                .passed(10, 20)
                .arrived(20, "ASM-2")
                .failed(20, "SCREW-TORQUE", "SCREW-TORQUE", "LOOSE-CABLE")
                .unit(new UnitsDeparted(20, 20, "ASSEMBLY"))
                .unit(new ReworkRouted(20, 1))
                .unit(new UnitsArrived(20, "Op 20", true, "ASSEMBLY"))
                .passed(20, 40)
                .failed(40, "NO-CHECK-IN")
                .held("Torque out of range")
                .unit(new UnitReleased("Retorqued and checked"))
                .flashed(FirmwareModule.FLIGHT_CONTROLLER, firstFlightRelease, "4.5.0", firstSha)
                .flashed(FirmwareModule.FLIGHT_CONTROLLER, secondFlightRelease, "4.5.1", secondSha)
                .revoked(FirmwareModule.FLIGHT_CONTROLLER, secondFlightRelease, "4.5.1", secondSha, "Bad gyro filter")
                .flashed(FirmwareModule.ESC, escRelease, "2.1.0", escSha)
                .revoked(FirmwareModule.ESC, oldEscRelease, "2.0.9", oldEscSha, "Old image")
                .keyed(fingerprint)
                .completed("WO-000950");
    }

    @Test
    void aUnitsLifeReadInOnePollGivesTheAnswersOfAnEventAtATime() {
        var start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        var oneByOne = life(start);
        var history = 0;
        for (var event : oneByOne.unitEvents) {
            TopicProbe.send(Topics.UNIT_EVENTS, oneByOne.serial.value(), UnitEvent.CODEC.encode(event));
            var expected = ++history;
            await().atMost(WAIT).until(() -> count("unit_event", oneByOne) == expected);
        }
        var verdicts = 0;
        for (var event : oneByOne.provisioningEvents) {
            TopicProbe.send(Topics.PROVISIONING_EVENTS, oneByOne.serial.value(), ProvisioningEvent.CODEC.encode(event));
            var expected = ++verdicts;
            await().atMost(WAIT).until(() -> count("provisioning_record", oneByOne) == expected);
        }
        var together = life(start);
        together.send();
        await().atMost(WAIT)
                .until(() -> count("unit_event", together) == together.unitEvents.size()
                        && count("provisioning_record", together) == together.provisioningEvents.size());

        for (var answer : List.of("", "/genealogy", "/operations", "/holds", "/provisioning")) {
            assertThat(answer(together, answer, oneByOne))
                    .as(answer)
                    .isEqualTo(answer("/api/trace/units/" + oneByOne.serial + answer));
        }
        var operations = quality()
                .get("/api/trace/units/" + together.serial + "/operations")
                .json();
        assertThat(operations.size()).isEqualTo(4);
        assertThat(operations.get(1).get("result").asString()).isEqualTo("FAIL");
        assertThat(operations.get(1).get("departedAt").isNull()).isFalse();
        assertThat(operations.get(2).get("rework").asBoolean()).isTrue();
        assertThat(operations.get(2).get("result").asString()).isEqualTo("PASS");
        assertThat(serials("/api/trace/units?defect=SCREW-TORQUE&lot=" + frames))
                .containsExactlyInAnyOrder(oneByOne.serial.value(), together.serial.value());
    }

    @Test
    void aRecordThatFailsAloneIsDeadLetteredAndTheRestOfItsPollKept() {
        var story = Story.aUnit()
                .initialized("WO-000951", "AX4-ENT", 3)
                .arrived(10, "ASM-1")
                .installedLot(10, "FRM-AX4", Story.unique("L-FRM"), 1)
                .passed(10, 20)
                .arrived(20, "ASM-2")
                .passed(20, null);
        // The timeline already holds the check-in at op 20 while the inbox does not know it (a damaged read model):
        // its insert fails, in the poll and alone.
        var broken = story.unitEvents.get(5);
        jdbc.sql("""
                        insert into trace.unit_event (event_id, serial, type, occurred_at, plant, line, station, actor,
                            summary, payload)
                        values (:id, :serial, 'UnitsArrived', now(), 'CA1', 'L1', 'ASM-2', 'operator', 'planted',
                            '{}'::jsonb)""")
                .param("id", broken.eventId())
                .param("serial", story.serial.value())
                .update();
        story.sendUnitEvents();

        var dead = TopicProbe.read(
                Topics.deadLetter(Topics.UNIT_EVENTS),
                WAIT,
                record -> story.serial.value().equals(record.key()));
        // The probe reads the dead-letter topic up to this unit's record: other tests' poison records come before it.
        assertThat(dead)
                .filteredOn(record -> story.serial.value().equals(record.key()))
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .singleElement()
                .asString()
                .contains(broken.eventId().toString());
        await().atMost(WAIT).until(() -> count("unit_event", story) == story.unitEvents.size());
        var operations = quality()
                .get("/api/trace/units/" + story.serial + "/operations")
                .json();
        // Op 20's check-in is lost with its record: its result opens a visit of its own, as one without a check-in.
        assertThat(operations.size()).isEqualTo(2);
        assertThat(operations.get(0).get("departedAt").isNull()).isFalse();
        assertThat(operations.get(1).get("result").asString()).isEqualTo("PASS");
        assertThat(operations.get(1).get("stationKind").isNull()).isTrue();
        assertThat(operations.get(1).get("departedAt").isNull()).isFalse();
        var unit = quality().get("/api/trace/units/" + story.serial).json();
        assertThat(unit.get("status").asString()).isEqualTo("IN_WORK");
        assertThat(unit.get("workOrder").asString()).isEqualTo("WO-000951");
    }

    private long count(String table, Story story) {
        return jdbc.sql("select count(*) from trace." + table + " where serial = :serial")
                .param("serial", story.serial.value())
                .query(Long.class)
                .single();
    }

    private ApiClient quality() {
        return ApiClient.at(port).as("quality");
    }

    private String answer(String path) {
        var response = quality().get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    /** {@code story}'s answer in the words of {@code other}: its serial and event ids replaced by the other's. */
    private String answer(Story story, String path, Story other) {
        var body = answer("/api/trace/units/" + story.serial + path);
        body = body.replace(story.serial.value(), other.serial.value());
        var ids = Stream.concat(story.unitEvents.stream(), story.provisioningEvents.stream())
                .map(EventEnvelope::eventId)
                .toList();
        var otherIds = Stream.concat(other.unitEvents.stream(), other.provisioningEvents.stream())
                .map(EventEnvelope::eventId)
                .toList();
        for (int i = 0; i < ids.size(); i++) {
            body = body.replace(ids.get(i).toString(), otherIds.get(i).toString());
        }
        return body;
    }

    private List<String> serials(String path) {
        var page = quality().get(path).json();
        var serials = new ArrayList<String>();
        page.get("units").forEach(unit -> serials.add(unit.get("serial").asString()));
        return serials;
    }
}
