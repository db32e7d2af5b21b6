package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.UnitEventSummaries;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.WorkCompleted;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitEventSummariesTests {

    @Test
    void describesEventsInPlainWords() {
        assertThat(UnitEventSummaries.of(
                        new WorkCompleted(70, "Calibration", WorkCompleted.Result.FAIL, List.of("IMU-CAL-FAIL"))))
                .isEqualTo("FAIL at op 70 Calibration — defects IMU-CAL-FAIL");
        assertThat(UnitEventSummaries.of(new UnitsArrived(20, "Propulsion", true, "REPAIR")))
                .isEqualTo("Checked in for repair of op 20 Propulsion");
        assertThat(UnitEventSummaries.of(new MaterialsInstalled(20, "ESC-40A", null, "E1", 1)))
                .isEqualTo("Installed ESC-40A serial E1 at op 20");
    }
}
