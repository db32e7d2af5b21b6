package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The line simulator against the whole plant, two hundred times faster than the floor: units released, walked
 * through the route with a failure, its repair and some refused scans, and completed. The context is closed
 * afterwards, which stops the simulator, so other test classes see a quiet line.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(
        properties = {
            "linetrace.simulator.enabled=true",
            "linetrace.simulator.speed=200",
            "linetrace.simulator.seed=7",
            "linetrace.simulator.failure-rate=0.5",
            "linetrace.simulator.slip-rate=0.2",
            "linetrace.simulator.work-order-size=4"
        })
class LineSimulatorIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void drivesUnitsThroughTheLineWithRepairsAndRefusalsUntilTheyAreCompleted() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(
                            "select count(*) from tracking.unit u join tracking.work_order w on w.number = u.work_order"
                                    + " where u.status = 'COMPLETED' and w.created_by = 'supervisor'"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(count("select count(*) from trace.unit_event where type = 'WorkCompleted'"
                            + " and payload::text like '%FAIL%' and station like 'TST-%'"))
                    .isPositive();
            assertThat(count("select count(*) from tracking.scan where actor = 'operator' and verdict = 'REJECTED'"))
                    .isPositive();
        });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
