package com.linetrace.bulkload;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The facts of a load that follow from its options alone: which serial unit {@code n} has, when it starts, its work
 * order, the lot of each part it holds, its part serials, the firmware release of each module. The generator builds
 * every unit from them, and a benchmark picks its serials and lots from them without reading the load back.
 */
public final class LoadPlan {

    /** The modules the route flashes, each with its version line and how many units one release of it lasts. */
    static final Map<FirmwareModule, ReleaseLine> RELEASE_LINES = Map.of(
            FirmwareModule.FLIGHT_CONTROLLER, new ReleaseLine("4.2.", 30_000),
            FirmwareModule.ESC, new ReleaseLine("2.1.", 50_000),
            FirmwareModule.GIMBAL, new ReleaseLine("1.8.", 40_000),
            FirmwareModule.REMOTE_LINK, new ReleaseLine("3.0.", 60_000));

    static final List<FirmwareModule> MODULES = List.of(
            FirmwareModule.FLIGHT_CONTROLLER, FirmwareModule.ESC, FirmwareModule.GIMBAL, FirmwareModule.REMOTE_LINK);

    /** So that a load of {@code lotUnits} units already holds one full lot, of frames. */
    private static final String FIRST_FULL_LOT_PART = "FRM-AX4";

    private static final int[] WORK_ORDER_SIZES = {250, 500, 500, 1000, 1000};
    private static final long FIRST_WORK_ORDER = 500_001;
    private static final Duration RELEASED_BEFORE_START = Duration.ofHours(2);

    private final LoadOptions options;
    private final Route route;
    private final List<WorkOrder> workOrders;

    public LoadPlan(LoadOptions options) {
        this.options = options;
        this.route = Route.scaled(options.eventsPerUnit());
        var random = new SplittableRandom(options.seed());
        var orders = new ArrayList<WorkOrder>();
        for (int first = 0; first < options.units(); ) {
            int size = Math.min(WORK_ORDER_SIZES[random.nextInt(WORK_ORDER_SIZES.length)], options.units() - first);
            orders.add(new WorkOrder(
                    WorkOrderNumber.of(FIRST_WORK_ORDER + orders.size()).value(),
                    first,
                    size,
                    startOf(first).minus(RELEASED_BEFORE_START)));
            first += size;
        }
        this.workOrders = List.copyOf(orders);
    }

    public LoadOptions options() {
        return options;
    }

    Route route() {
        return route;
    }

    List<WorkOrder> workOrders() {
        return workOrders;
    }

    /** The serial of unit {@code unit} (from 0), issued as tracking issues serials. */
    public Serial serial(int unit) {
        return Serial.issue(options.manufacturerCode(), options.firstSequence() + unit, LoadOptions.SERIAL_DIGITS);
    }

    /** When unit {@code unit} arrives at its first operation at the earliest. */
    public Instant startOf(int unit) {
        return options.start().plus(options.unitInterval().multipliedBy(unit));
    }

    /** After this no event is written: the units started in the last hour are still in work, as on a real line. */
    public Instant end() {
        return startOf(options.units() - 1).plus(Duration.ofHours(1));
    }

    /** The number of the work order that issued unit {@code unit}'s serial. */
    public String workOrderOf(int unit) {
        int low = 0;
        int high = workOrders.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (workOrders.get(middle).firstUnit() <= unit) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return workOrders.get(low).number();
    }

    /** The stations of the line, the repair bench last. */
    public List<String> stations() {
        var stations = new ArrayList<String>();
        route.operations().stream().map(Route.Operation::station).distinct().forEach(stations::add);
        stations.add(Route.REPAIR_STATION);
        return stations;
    }

    /** Every defect code a unit of the load can fail with. */
    public List<String> defectCodes() {
        return route.operations().stream()
                .flatMap(operation -> operation.defects().codes().stream())
                .toList();
    }

    /** The firmware version of {@code module} that unit {@code unit} carries. */
    public String firmwareVersion(FirmwareModule module, int unit) {
        return release(module, unit).version();
    }

    /**
     * Every lot of a part installed once a unit that the load fills completely: each reaches exactly
     * {@code lotUnits} units, a recall's scope at its realistic size.
     */
    public List<Lot> fullLots() {
        var lots = new ArrayList<Lot>();
        route.operations().stream()
                .flatMap(operation -> operation.parts().stream())
                .filter(part -> !part.serialized() && part.quantity() == 1)
                .forEach(part -> fullLots(part.partNumber()).forEach(lot -> lots.add(new Lot(part.partNumber(), lot))));
        return lots;
    }

    /**
     * The lot of the {@code piece}th (from 0) of {@code quantity} pieces of {@code partNumber} in unit {@code unit}. A
     * lot reaches {@code lotUnits} units; each part number changes lots at its own unit, and a unit at a change can
     * hold pieces of both lots, as on a real line.
     */
    String lot(String partNumber, int unit, int piece, int quantity) {
        return lotCode(partNumber, lotIndex(partNumber, unit, piece, quantity));
    }

    private long lotIndex(String partNumber, int unit, int piece, int quantity) {
        long pieces = (long) options.lotUnits() * quantity;
        long global = (unit + (long) lotOffset(partNumber)) * quantity + piece + shift(partNumber, quantity);
        return global / pieces;
    }

    /** The lots of {@code partNumber}, a part installed once a unit, that the load fills completely. */
    List<String> fullLots(String partNumber) {
        var lots = new ArrayList<String>();
        for (long lot = lotOffset(partNumber) == 0 ? 0 : 1; ; lot++) {
            long firstUnit = lot * options.lotUnits() - lotOffset(partNumber);
            if (firstUnit + options.lotUnits() > options.units()) {
                return lots;
            }
            lots.add(lotCode(partNumber, lot));
        }
    }

    /** Where in the load a part number changes lots; the frames' first lot opens with the first unit. */
    private int lotOffset(String partNumber) {
        if (partNumber.equals(FIRST_FULL_LOT_PART)) {
            return 0;
        }
        return Math.floorMod(partNumber.hashCode() * 31 + Long.hashCode(options.seed()), options.lotUnits());
    }

    private static int shift(String partNumber, int quantity) {
        return Math.floorMod(partNumber.hashCode(), quantity);
    }

    private static String lotCode(String partNumber, long lot) {
        return String.format("%s%05d", partNumber.substring(0, 3), lot + 1);
    }

    /** The supplier's serial of the {@code piece}th {@code partNumber} of unit {@code unit}: unique in the plant. */
    String partSerial(Route.Part part, int unit, int piece) {
        return part.serialCode() + String.format("%09d", (long) unit * part.quantity() + piece + 1);
    }

    /** The release of {@code module} flashed on unit {@code unit}. */
    Release release(FirmwareModule module, int unit) {
        var line = RELEASE_LINES.get(module);
        int index = (unit + Math.floorMod(module.name().hashCode(), line.units())) / line.units();
        return release(module, line.versionPrefix() + index);
    }

    /** A release of the route's model: its id and image hash follow from module and version. */
    static Release release(FirmwareModule module, String version) {
        var name = Route.MODEL + "/" + module + "/" + version;
        return new Release(
                UUID.nameUUIDFromBytes(("release:" + name).getBytes(StandardCharsets.UTF_8)),
                version,
                Sha256.of(sha256("image:" + name)));
    }

    /** The fingerprint of the {@code attempt}th device key a unit's secure element made: unique to the unit. */
    String fingerprint(Serial serial, int attempt) {
        return Sha256.of(sha256("key:" + options.seed() + ":" + serial + ":" + attempt))
                .hex();
    }

    /** The random choices of one unit: the same whatever else the load holds or in which order it is made. */
    SplittableRandom randomOf(int unit) {
        return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + unit);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lot of a part number. */
    public record Lot(String partNumber, String lot) {}

    record WorkOrder(String number, int firstUnit, int size, Instant releasedAt) {}

    record ReleaseLine(String versionPrefix, int units) {}

    record Release(UUID id, String version, Sha256 sha256) {}
}
