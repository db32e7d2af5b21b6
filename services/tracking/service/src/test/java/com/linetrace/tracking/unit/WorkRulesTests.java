package com.linetrace.tracking.unit;

import static com.linetrace.tracking.unit.InterlockTests.ALL_VERIFIED;
import static com.linetrace.tracking.unit.InterlockTests.ASSEMBLY;
import static com.linetrace.tracking.unit.InterlockTests.PACKING;
import static com.linetrace.tracking.unit.InterlockTests.REPAIR;
import static com.linetrace.tracking.unit.InterlockTests.ROUTE;
import static com.linetrace.tracking.unit.InterlockTests.aUnit;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.Work;
import com.linetrace.tracking.material.PartBarcode;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Part;
import com.linetrace.tracking.unit.Decision.Stop;
import com.linetrace.tracking.unit.WorkRules.PartFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkRulesTests {

    static final Operation PROPULSION = new Operation(
            20,
            "Propulsion",
            "ASSEMBLY",
            "",
            List.of(new Part("MTR-2207", "Motor", 4, false), new Part("ESC-40A", "ESC", 4, true)));
    static final PartFacts NOTHING_YET = new PartFacts(0, null, null);

    final UnitState atPropulsion = aUnit().next(20).checkedInAt("ASM-1", 20).build();

    @Test
    void installsAPartOfTheBillTracedTheWayTheBillSays() {
        assertThat(WorkRules.installPart(atPropulsion, PROPULSION, label("MTR-2207;L=L2611"), NOTHING_YET))
                .isEmpty();
        assertThat(WorkRules.installPart(atPropulsion, PROPULSION, label("ESC-40A;S=E40A0001"), NOTHING_YET))
                .isEmpty();
    }

    @Test
    void refusesAPartNotOnTheBillAndAnyPartAtRepair() {
        assertThat(refusal(WorkRules.installPart(atPropulsion, PROPULSION, label("GPS-M10;S=G1"), NOTHING_YET)))
                .isEqualTo(Refusal.PART_NOT_IN_BILL_OF_MATERIALS);
        var atRepair = aUnit().next(20).rework().checkedInAt("RPR-1", 20).build();
        assertThat(refusal(WorkRules.installPart(atRepair, PROPULSION, label("MTR-2207;L=L2611"), NOTHING_YET)))
                .isEqualTo(Refusal.PART_NOT_IN_BILL_OF_MATERIALS);
    }

    @Test
    void refusesALotLabelForASerialTracedPartAndTheOtherWayRound() {
        var lotForSerial = WorkRules.installPart(atPropulsion, PROPULSION, label("ESC-40A;L=L1"), NOTHING_YET);
        assertThat(refusal(lotForSerial)).isEqualTo(Refusal.MALFORMED_PART_BARCODE);
        assertThat(lotForSerial.orElseThrow().message()).contains("traced by serial");
        var serialForLot = WorkRules.installPart(atPropulsion, PROPULSION, label("MTR-2207;S=M1"), NOTHING_YET);
        assertThat(serialForLot.orElseThrow().message()).contains("traced by lot");
    }

    @Test
    void refusesAPartOnceItsQuantityIsIn() {
        var complete = WorkRules.installPart(
                atPropulsion, PROPULSION, label("MTR-2207;L=L2611"), new PartFacts(4, null, null));
        assertThat(refusal(complete)).isEqualTo(Refusal.PART_QUANTITY_COMPLETE);
        assertThat(complete.orElseThrow().message()).isEqualTo("All 4 × MTR-2207 are already installed");
    }

    @Test
    void refusesAPartSerialInstalledInAnotherUnitAndALotInQuarantine() {
        var elsewhere = WorkRules.installPart(
                atPropulsion, PROPULSION, label("ESC-40A;S=E40A0001"), new PartFacts(1, "LTRCA0000000010", null));
        assertThat(refusal(elsewhere)).isEqualTo(Refusal.PART_ALREADY_INSTALLED);
        assertThat(elsewhere.orElseThrow().message()).endsWith("installed in unit LTRCA0000000010");
        var quarantined = WorkRules.installPart(
                atPropulsion, PROPULSION, label("MTR-2207;L=L2611"), new PartFacts(0, null, "bearings noisy"));
        assertThat(refusal(quarantined)).isEqualTo(Refusal.LOT_QUARANTINED);
        assertThat(quarantined.orElseThrow().message())
                .isEqualTo("Lot L2611 of MTR-2207 is quarantined: bearings noisy");
    }

    @Test
    void passesOnlyWithEveryPartScannedWhileFailAndRepairNeedNone() {
        var twoMotorsIn = work(new Work.PartProgress("MTR-2207", "Motor", 4, 2, false));
        var pass = WorkRules.checkOut(ROUTE, PROPULSION, ASSEMBLY, false, Result.PASS, twoMotorsIn, Set.of());
        assertThat(refusal(pass)).isEqualTo(Refusal.PARTS_MISSING);
        assertThat(pass.orElseThrow().message()).isEqualTo("Scan the missing parts first: 2 × MTR-2207");
        assertThat(WorkRules.checkOut(ROUTE, PROPULSION, ASSEMBLY, false, Result.FAIL, twoMotorsIn, Set.of()))
                .isEmpty();
        assertThat(WorkRules.checkOut(ROUTE, PROPULSION, REPAIR, true, Result.PASS, twoMotorsIn, Set.of()))
                .isEmpty();
        var allIn = work(new Work.PartProgress("MTR-2207", "Motor", 4, 4, false));
        assertThat(WorkRules.checkOut(ROUTE, PROPULSION, ASSEMBLY, false, Result.PASS, allIn, Set.of()))
                .isEmpty();
    }

    @Test
    void refusesAPassAtPackOutOnceAVerificationIsWithdrawn() {
        var pack = ROUTE.operation(100).orElseThrow();
        var withdrawn = Set.of("FIRMWARE:FLIGHT_CONTROLLER", "KEY");
        var out = WorkRules.checkOut(ROUTE, pack, PACKING, false, Result.PASS, work(), withdrawn);
        assertThat(refusal(out)).isEqualTo(Refusal.PROVISIONING_MISSING);
        assertThat(out.orElseThrow().message()).contains("firmware of gimbal");
        assertThat(WorkRules.checkOut(ROUTE, pack, PACKING, false, Result.PASS, work(), ALL_VERIFIED))
                .isEmpty();
    }

    private static PartBarcode label(String text) {
        return PartBarcode.parse(text);
    }

    private static Work work(Work.PartProgress... parts) {
        return new Work("LTRCA0000000010", 20, "Propulsion", "", false, List.of(parts));
    }

    private static Refusal refusal(Optional<Stop> stop) {
        return stop.orElseThrow().refusal();
    }
}
