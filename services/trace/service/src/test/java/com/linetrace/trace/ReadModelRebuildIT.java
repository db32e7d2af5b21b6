package com.linetrace.trace;

import static com.linetrace.trace.Story.aUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The documented rebuild: trace started with {@code linetrace.trace.rebuild=true} empties its read model and reads
 * both topics again from offset zero, and then gives the same answers as before (compared answer by answer, over
 * HTTP), even after the model was damaged in between.
 */
@IntegrationTest
class ReadModelRebuildIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void rebuildsTheReadModelFromOffsetZeroAndGivesTheSameAnswers() {
        var lot = Story.unique("L-RB");
        var release = UUID.randomUUID();
        var sub = aUnit().initialized("WO-000940", "FC-H7", 1)
                .arrived(10, "ASM-1")
                .installedLot(10, "IMU-42688", lot, 1)
                .passed(10, null)
                .completed("WO-000940");
        var drone = aUnit().initialized("WO-000941", "AX4-ENT", 3)
                .arrived(30, "ASM-2")
                .installedSerial(30, "FC-H7", sub.serial.value(), "U1")
                .installedLot(30, "GNSS-M10", lot, 1)
                .failed(30, "SCREW-TORQUE")
                .held("Torque out of range")
                .flashed(FirmwareModule.FLIGHT_CONTROLLER, release, "4.5.1", Story.randomSha256())
                .keyed(Story.randomSha256())
                .keyRejectedAsDuplicate(Story.randomSha256());
        sub.send();
        drone.send();
        var questions = List.of(
                "/api/trace/units/" + drone.serial + "/genealogy",
                "/api/trace/units/" + sub.serial + "/genealogy",
                "/api/trace/units/" + drone.serial + "/operations",
                "/api/trace/units/" + drone.serial + "/holds",
                "/api/trace/units/" + drone.serial + "/provisioning",
                "/api/units/" + drone.serial + "/history",
                "/api/trace/where-used?partNumber=IMU-42688&lot=" + lot,
                "/api/trace/where-used?releaseId=" + release,
                "/api/trace/units?lot=" + lot,
                "/api/trace/units?defect=SCREW-TORQUE&workOrder=WO-000941");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> quality().get(questions.get(4)).status() == 200
                        && quality().get(questions.get(4)).json().size() == 3
                        && quality().get(questions.get(3)).json().size() == 1
                        && quality()
                                .get(questions.get(1))
                                .json()
                                .get("unit")
                                .get("status")
                                .asString()
                                .equals("COMPLETED"));
        var before = answers(questions);
        // Damage the model, so that only a rebuild from the topics can give the same answers again.
        jdbc.sql("delete from trace.installed_part where serial = :serial")
                .param("serial", sub.serial.value())
                .update();
        jdbc.sql("update trace.unit set held = false, scrapped = true where serial = :serial")
                .param("serial", drone.serial.value())
                .update();
        jdbc.sql("delete from trace.module_firmware where release_id = :release")
                .param("release", release)
                .update();
        assertThat(answers(questions)).isNotEqualTo(before);

        listeners.stop();
        var properties = new LinkedHashMap<String, Object>(RealServers.get().springProperties());
        properties.put("linetrace.trace.rebuild", "true");
        properties.put("server.port", "0");
        try (var rebuild = new SpringApplicationBuilder(TraceTestApplication.class)
                .properties(properties)
                .run()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> answers(questions).equals(before));
        } finally {
            listeners.start();
        }
        assertThat(answers(questions)).isEqualTo(before);
    }

    private Map<String, String> answers(List<String> questions) {
        var answers = new LinkedHashMap<String, String>();
        for (var question : questions) {
            var response = quality().get(question);
            answers.put(question, response.status() + " " + response.body());
        }
        return answers;
    }

    private ApiClient quality() {
        return ApiClient.at(port).as("quality");
    }
}
