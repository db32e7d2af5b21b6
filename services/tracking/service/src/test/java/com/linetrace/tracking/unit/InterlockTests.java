package com.linetrace.tracking.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Route;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.UnitState.Status;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InterlockTests {

    static final Route ROUTE = new Route(
            1,
            "AX4-ENT",
            1,
            3,
            List.of(
                    new Operation(10, "Frame and arms", "ASSEMBLY", ""),
                    new Operation(50, "Firmware", "FIRMWARE_FLASH", ""),
                    new Operation(60, "Identity", "KEY_INJECTION", ""),
                    new Operation(100, "Pack", "PACK", "")),
            List.of("FLIGHT_CONTROLLER", "GIMBAL"),
            true);

    static final Station PACKING = new Station("PCK-1", "L1", "PACK", 100, "Pack");
    static final Set<String> ALL_VERIFIED = Set.of("FIRMWARE:FLIGHT_CONTROLLER", "FIRMWARE:GIMBAL", "KEY");

    static final Station ASSEMBLY = new Station("ASM-1", "L1", "ASSEMBLY", 10, "Bench");
    static final Station FLASH = new Station("FW-1", "L1", "FIRMWARE_FLASH", 50, "Flash");
    static final Station KEYS = new Station("KEY-1", "L1", "KEY_INJECTION", 60, "Keys");
    static final Station REPAIR = new Station("RPR-1", "L1", "REPAIR", 110, "Repair");
    static final Station OTHER_LINE_FLASH = new Station("FW-9", "L2", "FIRMWARE_FLASH", 50, "Flash");

    @Test
    void acceptsUnitAtItsNextStep() {
        var decision = check(aUnit().next(50).build(), ROUTE, FLASH);
        assertThat(decision).isInstanceOfSatisfying(Decision.Go.class, go -> {
            assertThat(go.operation().seq()).isEqualTo(50);
            assertThat(go.alreadyCheckedIn()).isFalse();
        });
    }

    @Test
    void rejectsUnitThatSkippedFirmwareFlash() {
        var decision = check(aUnit().next(50).build(), ROUTE, KEYS);
        assertThat(refusal(decision)).isEqualTo(Refusal.WRONG_STATION);
        assertThat(decision.message()).contains("Step missing: op 50 Firmware");
    }

    @Test
    void rejectsUnitAtAStationKindItNoLongerNeeds() {
        var decision = check(aUnit().next(60).build(), ROUTE, FLASH);
        assertThat(refusal(decision)).isEqualTo(Refusal.WRONG_STATION);
        assertThat(decision.message()).contains("next step is op 60 Identity at a key injection station");
    }

    @Test
    void rejectsHeldScrappedAndCompletedUnits() {
        assertThat(refusal(check(aUnit().next(50).held("lot quarantined").build(), ROUTE, FLASH)))
                .isEqualTo(Refusal.UNIT_HELD);
        assertThat(refusal(check(aUnit().next(50).status(Status.SCRAPPED).build(), ROUTE, FLASH)))
                .isEqualTo(Refusal.UNIT_SCRAPPED);
        assertThat(refusal(check(aUnit().next(null).status(Status.COMPLETED).build(), ROUTE, FLASH)))
                .isEqualTo(Refusal.UNIT_COMPLETED);
    }

    @Test
    void rejectsUnitOfAnotherLine() {
        assertThat(refusal(check(aUnit().next(50).build(), ROUTE, OTHER_LINE_FLASH)))
                .isEqualTo(Refusal.WRONG_LINE);
    }

    @Test
    void rejectsUnitCheckedInElsewhereAndAcceptsARepeatedScanHere() {
        var unit = aUnit().next(50).checkedInAt("FW-2", 50).build();
        assertThat(refusal(check(unit, ROUTE, FLASH))).isEqualTo(Refusal.CHECKED_IN_ELSEWHERE);
        var here = aUnit().next(50).checkedInAt("FW-1", 50).build();
        assertThat(check(here, ROUTE, FLASH))
                .isInstanceOfSatisfying(
                        Decision.Go.class,
                        go -> assertThat(go.alreadyCheckedIn()).isTrue());
    }

    @Test
    void sendsAFailedUnitToRepairBeforeItsFailedStep() {
        var failed = aUnit().next(50).rework().build();
        assertThat(refusal(check(failed, ROUTE, FLASH))).isEqualTo(Refusal.WRONG_STATION);
        assertThat(check(failed, ROUTE, REPAIR))
                .isInstanceOfSatisfying(
                        Decision.Go.class, go -> assertThat(go.rework()).isTrue());
    }

    @Test
    void failRoutesToRepairThenBackAndHoldsAtTheLimit() {
        var first = Progress.checkOut(aUnit().next(50).build(), ROUTE, 50, false, Result.FAIL);
        assertThat(first.rework()).isTrue();
        assertThat(first.nextSeq()).isEqualTo(50);
        assertThat(first.holdReason()).isNull();
        var repaired = Progress.checkOut(aUnit().next(50).rework().failures(1).build(), ROUTE, 50, true, Result.PASS);
        assertThat(repaired.rework()).isFalse();
        assertThat(repaired.nextSeq()).isEqualTo(50);
        var third = Progress.checkOut(aUnit().next(50).failures(2).build(), ROUTE, 50, false, Result.FAIL);
        assertThat(third.holdReason()).contains("failed 3 times");
    }

    @Test
    void passOfTheLastOperationCompletesTheUnit() {
        var outcome = Progress.checkOut(aUnit().next(100).build(), ROUTE, 100, false, Result.PASS);
        assertThat(outcome.completed()).isTrue();
        var middle = Progress.checkOut(aUnit().next(50).build(), ROUTE, 50, false, Result.PASS);
        assertThat(middle.nextSeq()).isEqualTo(60);
    }

    @Test
    void refusesPackOutUntilFirmwareAndKeyAreVerified() {
        var atPack = aUnit().next(100).build();
        var decision = Interlock.checkIn(atPack, ROUTE, PACKING, Set.of("FIRMWARE:FLIGHT_CONTROLLER"));
        assertThat(refusal(decision)).isEqualTo(Refusal.PROVISIONING_MISSING);
        assertThat(decision.message())
                .contains("firmware of gimbal", "key injection")
                .doesNotContain("flight controller");
        assertThat(Interlock.checkIn(atPack, ROUTE, PACKING, ALL_VERIFIED)).isInstanceOf(Decision.Go.class);
    }

    @Test
    void refusesAWorkerWhoseRoleTheStationDoesNotAllow() {
        var keys = new Station("KEY-9", "L1", "KEY_INJECTION", 60, "Keys", List.of("SUPERVISOR", "ENGINEER"));
        assertThat(Interlock.mayWorkAt(keys, Set.of("OPERATOR")))
                .hasValueSatisfying(stop -> assertThat(stop.message()).contains("needs SUPERVISOR or ENGINEER"));
        assertThat(Interlock.mayWorkAt(keys, Set.of("OPERATOR", "ENGINEER"))).isEmpty();
        assertThat(Interlock.mayWorkAt(KEYS, Set.of("OPERATOR"))).isEmpty();
    }

    @Test
    void stopsWorkOnAUnitHeldOrScrappedWhileCheckedInWithTheReason() {
        var checkedIn = aUnit().next(100).checkedInAt("PCK-1", 100);
        assertThat(Interlock.mayWorkOn(checkedIn.build(), PACKING)).isEmpty();

        var held = Interlock.mayWorkOn(
                        aUnit().next(100)
                                .checkedInAt("PCK-1", 100)
                                .held("box crushed")
                                .build(),
                        PACKING)
                .orElseThrow();
        assertThat(held.refusal()).isEqualTo(Refusal.UNIT_HELD);
        assertThat(held.message()).contains("box crushed");

        var scrapped = Interlock.mayWorkOn(
                        aUnit().next(100)
                                .status(Status.SCRAPPED)
                                .scrapped("frame cracked")
                                .build(),
                        PACKING)
                .orElseThrow();
        assertThat(scrapped.refusal()).isEqualTo(Refusal.UNIT_SCRAPPED);
        assertThat(scrapped.message()).contains("frame cracked");
    }

    @Test
    void refusesWorkOnAUnitCheckedInElsewhereOrNowhere() {
        assertThat(Interlock.mayWorkOn(aUnit().next(10).build(), ASSEMBLY)
                        .orElseThrow()
                        .message())
                .contains("is not checked in anywhere");
        var elsewhere = Interlock.mayWorkOn(
                        aUnit().next(10).checkedInAt("ASM-2", 10).build(), ASSEMBLY)
                .orElseThrow();
        assertThat(elsewhere.refusal()).isEqualTo(Refusal.NOT_CHECKED_IN);
        assertThat(elsewhere.message()).contains("is checked in at ASM-2");
    }

    @Test
    void packOutNamesEachProvisioningItemNotVerified() {
        var pack = ROUTE.operation(100).orElseThrow();
        assertThat(Interlock.packOut(ROUTE, pack, ALL_VERIFIED)).isEmpty();
        var missing = Interlock.packOut(ROUTE, pack, Set.of("FIRMWARE:FLIGHT_CONTROLLER"))
                .orElseThrow();
        assertThat(missing.refusal()).isEqualTo(Refusal.PROVISIONING_MISSING);
        assertThat(missing.message()).contains("firmware of gimbal", "key injection");
    }

    @Test
    void aStationsRolesRefuseEveryOtherRole() {
        var supervised = new Station("SUP-1", "L1", "ASSEMBLY", 15, "Bench", List.of("SUPERVISOR"));
        assertThat(Interlock.mayWorkAt(supervised, Set.of("OPERATOR"))
                        .orElseThrow()
                        .refusal())
                .isEqualTo(Refusal.ROLE_NOT_ALLOWED);
        assertThat(Interlock.mayWorkAt(supervised, Set.of("SUPERVISOR"))).isEmpty();
        assertThat(Interlock.mayWorkAt(ASSEMBLY, Set.of("OPERATOR"))).isEmpty();
    }

    private static Decision check(UnitState unit, Route route, Station station) {
        return Interlock.checkIn(unit, route, station, ALL_VERIFIED);
    }

    private static @Nullable Refusal refusal(Decision decision) {
        return decision instanceof Decision.Stop stop ? stop.refusal() : null;
    }

    static UnitBuilder aUnit() {
        return new UnitBuilder();
    }

    static final class UnitBuilder {
        private @Nullable Integer next = 10;
        private Status status = Status.IN_PROGRESS;
        private boolean rework;
        private int failures;
        private @Nullable String hold;
        private @Nullable String station;
        private @Nullable Integer checkedInSeq;
        private @Nullable String scrapped;

        UnitBuilder scrapped(String reason) {
            this.scrapped = reason;
            return this;
        }

        UnitBuilder next(@Nullable Integer seq) {
            this.next = seq;
            return this;
        }

        UnitBuilder status(Status status) {
            this.status = status;
            return this;
        }

        UnitBuilder rework() {
            this.rework = true;
            return this;
        }

        UnitBuilder failures(int failures) {
            this.failures = failures;
            return this;
        }

        UnitBuilder held(String reason) {
            this.hold = reason;
            return this;
        }

        UnitBuilder checkedInAt(String station, int seq) {
            this.station = station;
            this.checkedInSeq = seq;
            return this;
        }

        UnitState build() {
            return new UnitState(
                    Serial.issue("LTRC", 7, 9),
                    "WO-000001",
                    1,
                    "L1",
                    status,
                    next,
                    rework,
                    failures,
                    hold,
                    station,
                    checkedInSeq,
                    scrapped);
        }
    }
}
