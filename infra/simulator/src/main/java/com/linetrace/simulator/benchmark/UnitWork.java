package com.linetrace.simulator.benchmark;

import com.linetrace.simulator.DemoLine;
import com.linetrace.simulator.Equipment;
import com.linetrace.simulator.PlantClient;
import com.linetrace.simulator.PlantClient.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Everything one unit's walk asks of the plant, request by request, as the stations of the demo line send it: at
 * each operation a check-in, the station terminal's look-up of the work, a scan of each part label of the bill of
 * materials, the flash fixture's four reports at FW-1 and the key station's report at KEY-1, and a check-out.
 */
final class UnitWork {

    /** What a request is, for the report's rows. */
    enum Kind {
        CHECK_IN("check-in verdict"),
        WORK("work look-up"),
        PART("part scan"),
        FLASH("flash report"),
        KEY("key injection report"),
        CHECK_OUT("check-out");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One request; {@link #prepare()} does the client's own work first (the key station makes the device key, CSR
     * and certificate) and returns the call, so the call alone can be timed.
     */
    record Request(Kind kind, String station, Supplier<Supplier<CompletableFuture<Verdict>>> prepare) {
        boolean isPackOutCheckIn() {
            return kind == Kind.CHECK_IN && station.equals(DemoLine.PACK_STATION);
        }
    }

    /** How many requests one unit's walk sends when nothing is refused. */
    static final int REQUESTS_PER_UNIT =
            DemoLine.ROUTE.size() * 3 + DemoLine.partScansPerUnit() + DemoLine.FIRMWARE_MODULES.size() + 1;

    private UnitWork() {}

    /** Who does the work: the operator scans, the flash fixture and key station report as the equipment they are. */
    record Crew(PlantClient operator, PlantClient fixture, PlantClient keyStation) {}

    static List<Request> of(String serial, Crew crew, Equipment equipment) {
        var operator = crew.operator();
        var requests = new ArrayList<Request>();
        for (var operation : DemoLine.ROUTE) {
            var station = operation.station();
            requests.add(new Request(Kind.CHECK_IN, station, () -> () -> operator.checkInAsync(station, serial)));
            requests.add(new Request(
                    Kind.WORK,
                    station,
                    () -> () -> operator.workAsync(station, serial)
                            .thenApply(parts -> new Verdict(true, null, parts.size() + " parts"))));
            for (var part : operation.parts()) {
                for (int n = 1; n <= part.quantity(); n++) {
                    var barcode = part.partNumber()
                            + (part.serialized()
                                    ? ";S=" + DemoLine.partSerial(serial, part.partNumber(), n)
                                    : ";L=L" + DemoLine.LOT_SUFFIXES.get(n % DemoLine.LOT_SUFFIXES.size()));
                    requests.add(new Request(
                            Kind.PART, station, () -> () -> operator.installPartAsync(station, serial, barcode)));
                }
            }
            if (station.equals(DemoLine.FLASH_STATION)) {
                for (var module : DemoLine.FIRMWARE_MODULES) {
                    requests.add(new Request(Kind.FLASH, station, () -> {
                        var flash = equipment.flash(serial, module);
                        return () -> crew.fixture().reportFlashAsync(flash);
                    }));
                }
            }
            if (station.equals(DemoLine.KEY_STATION)) {
                requests.add(new Request(Kind.KEY, station, () -> {
                    var identity = equipment.identity(serial, false);
                    return () -> crew.keyStation().reportKeyInjectionAsync(serial, station, identity);
                }));
            }
            requests.add(new Request(
                    Kind.CHECK_OUT, station, () -> () -> operator.checkOutAsync(station, serial, List.of())));
        }
        return requests;
    }
}
