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
 * The line simulator against the whole plant, two hundred times faster than the floor: demo firmware releases
 * registered, approved and one revoked; units released, walked through the route with their parts scanned, a
 * failure, its repair and some refused scans, flashed (some wrongly first, which provisioning rejects) and given a
 * certified device key (now and then a reused one, which provisioning refuses and tracking holds), and packed. The context is closed
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
            "linetrace.simulator.flash-fault-rate=0.5",
            "linetrace.simulator.key-reuse-rate=0.3",
            "linetrace.simulator.work-order-size=4"
        })
class LineSimulatorIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void drivesUnitsThroughTheLineWithPartsProvisioningRepairsAndRefusalsUntilTheyArePacked() {
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            assertThat(count(
                            "select count(*) from tracking.unit u join tracking.work_order w on w.number = u.work_order"
                                    + " where u.status = 'COMPLETED' and w.created_by = 'supervisor'"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(count("select count(*) from trace.unit_event where type = 'WorkCompleted'"
                            + " and payload::text like '%FAIL%' and station like 'TST-%'"))
                    .isPositive();
            assertThat(count("select count(*) from tracking.scan where actor = 'operator' and verdict = 'REJECTED'"))
                    .isPositive();
            assertThat(count("select count(*) from trace.unit_event where type = 'MaterialsInstalled'"))
                    .isPositive();
            assertThat(count("select count(*) from provisioning.flash_record where fixture_id = 'FIX-FW-1'"
                            + " and verdict = 'REJECTED'"))
                    .isPositive();
            assertThat(count("select count(*) from provisioning.key_injection where station_id = 'KEY-1'"
                            + " and verdict = 'VERIFIED'"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(count("select count(*) from provisioning.key_injection where rejection_code = 'DUPLICATE_KEY'"))
                    .isPositive();
            assertThat(count("select count(*) from tracking.unit where hold_reason like 'duplicate device key%'"))
                    .isPositive();
            assertThat(count("select count(distinct state) from provisioning.firmware_release"
                            + " where registered_by = 'engineer' and version like '%+demo%'"))
                    .isEqualTo(2);
        });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
