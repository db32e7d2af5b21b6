package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo day's shape, as a manager would read it off the dashboard, at 15 times the floor's pace: units start about
 * once a (floor) minute, the flight test is the slowest station, some units fail and are repaired, and the flight test's
 * short stoppage (20 floor minutes after the start, 12 long) raises a stall alert that clears when it works again. The
 * andon's stall threshold is scaled down with the speed (12 s, three floor minutes).
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(
        properties = {
            "linetrace.simulator.enabled=true",
            "linetrace.simulator.speed=15",
            "linetrace.simulator.seed=11",
            "linetrace.simulator.failure-rate=0.2",
            "linetrace.metrics.andon.stall-after=12s",
            "linetrace.metrics.andon.check-interval=500ms"
        })
class DemoDayIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void makesADayAManagerRecognisesASlowerStationRepairsAndAStoppageTheAndonReports() {
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(count("select count(*) from metrics.andon_alert where line = 'L1'"
                                    + " and rule = 'STATION_STALLED' and station = 'TST-2' and cleared_at is not null"))
                            .as("the flight test's stoppage raised a stall, cleared once it worked again")
                            .isPositive();
                    assertThat(count("select count(*) from metrics.work_result where line = 'L1' and result = 'FAIL'"))
                            .as("units failed a test")
                            .isPositive();
                    assertThat(count("select count(*) from metrics.work_result where line = 'L1' and repair"))
                            .as("and were repaired")
                            .isPositive();
                    assertThat(count("select count(*) from metrics.unit_completed where line = 'L1'"))
                            .isGreaterThanOrEqualTo(5);
                });
        // What the dashboard shows: the flight test (op 80) has the longest median cycle time.
        var line = ApiClient.at(port).as("manager").get("/api/metrics/lines/L1").json();
        var medians = new HashMap<Integer, Duration>();
        for (var operation : line.get("operations")) {
            var p50 = operation.get("cycleTimeP50");
            if (p50 != null && !p50.isNull()) {
                medians.put(
                        operation.get("operation").asInt(),
                        p50.isNumber()
                                ? Duration.ofMillis((long) (p50.asDouble() * 1000))
                                : Duration.parse(p50.asString()));
            }
        }
        var slowest = medians.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElseThrow();
        assertThat(slowest.getKey()).as("slowest operation of " + medians).isEqualTo(80);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
