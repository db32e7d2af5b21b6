package com.linetrace.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a unit down the demo line every {@code unit-interval} and walks each through its planned steps over
 * the plant's HTTP API, with no thread waiting while a unit is "at work": each step schedules the next. At each
 * station it scans the parts the work asks for; at the flash fixture and the key station it plays the equipment
 * (when it has the demo provisioning keys). When the serials it was issued run out, it releases a new work order
 * as the supervisor.
 */
final class LineSimulator {

    private static final String PROVISIONING_MISSING = "PROVISIONING_MISSING";

    private static final Logger log = LoggerFactory.getLogger(LineSimulator.class);

    /** A refused step is tried again this many times (a plant restarting, a scan racing a slow one) before the unit is left. */
    private static final int ATTEMPTS = 3;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    /**
     * Provisioning's verdicts reach tracking asynchronously, so a pack-out right after a unit's key injection may be
     * refused for a while: tried again this often, this far apart in real time (not scaled by the speed).
     */
    private static final int PACK_OUT_ATTEMPTS = 40;

    private static final Duration PACK_OUT_RETRY_AFTER = Duration.ofMillis(500);

    private final SimulatorSettings settings;
    private final URI base;
    private final PlantClient operator;
    private final PlantClient fixture;
    private final PlantClient keyStation;
    private final PlantClient supervisor;
    private final @Nullable DemoEquipment demoEquipment;
    private volatile @Nullable Equipment equipment;
    private final Planner planner;
    private final ArrayDeque<String> serials = new ArrayDeque<>();
    /**
     * Every serial the simulator released in this run, kept also after it leaves a unit (held for a reused key, say):
     * the demo equipment attends only units a person walks, and must not redo or undo what the simulator planned.
     */
    private final Set<String> own = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("line-simulator-", 1).daemon().factory());
    private final AtomicInteger completed = new AtomicInteger();
    private final Stoppage stoppage;
    private volatile long startedAt = System.nanoTime();

    LineSimulator(SimulatorSettings settings, URI base, long seed, @Nullable DemoEquipment demoEquipment) {
        this.settings = settings;
        this.base = base;
        this.operator = new PlantClient(base, settings.user(), settings.password());
        // Flashes and key injections are reported by the equipment itself, signed in with its own credential.
        this.fixture = new PlantClient(base, Equipment.FIXTURE, settings.fixtureSecret());
        this.keyStation = new PlantClient(base, DemoLine.KEY_STATION, settings.keyStationSecret());
        this.supervisor = new PlantClient(base, settings.supervisor(), settings.supervisorPassword());
        this.demoEquipment = demoEquipment;
        this.stoppage = settings.stoppage();
        this.planner = Planner.seeded(
                seed, settings.failureRate(), settings.slipRate(), settings.flashFaultRate(), settings.keyReuseRate());
        log.info(
                "Line simulator: a unit every {} at speed {} on line {} of {} (seed {})",
                settings.unitInterval(),
                settings.speed(),
                DemoLine.LINE,
                base,
                seed);
    }

    void start() {
        startedAt = System.nanoTime();
        long interval = settings.scaled(settings.unitInterval()).toMillis();
        scheduler.scheduleWithFixedDelay(this::startUnit, 0, Math.max(interval, 1), TimeUnit.MILLISECONDS);
    }

    void stop() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Line simulator: a scan was still running after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        operator.close();
        fixture.close();
        keyStation.close();
        supervisor.close();
        log.info("Line simulator stopped after {} units completed", completed.get());
    }

    /** Runs on one schedule only, so the planner's random choices stay in one order for one seed. */
    private void startUnit() {
        try {
            setUpEquipment();
            if (serials.isEmpty()) {
                var released = supervisor.releaseWorkOrder(DemoLine.MODEL, DemoLine.LINE, settings.workOrderSize());
                own.addAll(released);
                serials.addAll(released);
                log.info("Line simulator: released a work order of {} units", settings.workOrderSize());
            }
            var serial = serials.poll();
            var steps = planner.plan(serial);
            schedule(new Walk(serial, steps), 0, 1);
        } catch (RuntimeException e) {
            log.warn("Line simulator: could not start a unit: {}", e.getMessage());
        }
    }

    /** Until it succeeds (the plant may still be starting), before each new unit. */
    private void setUpEquipment() {
        if (demoEquipment != null && equipment == null) {
            equipment = demoEquipment.get(base).orElse(null);
        }
    }

    /** Whether {@code serial} is one of the simulator's units (released by it in this run), walked by it. */
    boolean walks(String serial) {
        return own.contains(serial);
    }

    private void schedule(Walk walk, int index, int attempt) {
        if (index == walk.steps().size()) {
            completed.incrementAndGet();
            return;
        }
        var step = walk.steps().get(index);
        var delay = attempt == 1 ? step.walk() : RETRY_AFTER;
        if (!scheduler.isShutdown()) {
            scheduler.schedule(
                    () -> run(walk, index, attempt), settings.scaled(delay).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(Walk walk, int index, int attempt) {
        var step = walk.steps().get(index);
        try {
            switch (step) {
                case Step.Visit visit -> {
                    var stopped = stoppedFor(visit.station());
                    if (stopped > 0) {
                        // The station is stopped: the unit waits in front of it.
                        scheduler.schedule(() -> run(walk, index, attempt), stopped, TimeUnit.MILLISECONDS);
                        return;
                    }
                    var in = operator.checkIn(visit.station(), walk.serial());
                    if (!in.accepted()) {
                        var why = "check-in at " + visit.station() + " refused: " + in.message();
                        if (PROVISIONING_MISSING.equals(in.code()) && attempt < PACK_OUT_ATTEMPTS) {
                            log.debug("Line simulator: {} waits for provisioning's verdicts: {}", walk.serial(), why);
                            scheduler.schedule(
                                    () -> run(walk, index, attempt + 1),
                                    PACK_OUT_RETRY_AFTER.toMillis(),
                                    TimeUnit.MILLISECONDS);
                            return;
                        }
                        retry(walk, index, attempt, why);
                        return;
                    }
                    if (!work(walk.serial(), visit)) {
                        return;
                    }
                    scheduler.schedule(
                            () -> checkOut(walk, index, visit),
                            settings.scaled(visit.work()).toMillis(),
                            TimeUnit.MILLISECONDS);
                }
                case Step.WrongStation wrong -> {
                    expectRefusal(operator.checkIn(wrong.station(), walk.serial()), wrong.station());
                    schedule(walk, index + 1, 1);
                }
                case Step.Misread misread -> {
                    expectRefusal(operator.checkIn(misread.station(), misread.barcode()), misread.station());
                    schedule(walk, index + 1, 1);
                }
            }
        } catch (RuntimeException e) {
            retry(walk, index, attempt, e.getMessage());
        }
    }

    /**
     * The work at the station after check-in: the parts its bill of materials asks for, and the equipment's reports.
     * False when the unit is left where it is (its key was refused as a duplicate: the plant holds it).
     */
    private boolean work(String serial, Step.Visit visit) {
        for (var part : operator.work(visit.station(), serial)) {
            for (int n = part.installed() + 1; n <= part.required(); n++) {
                var barcode = part.partNumber()
                        + (part.serialized()
                                ? ";S=" + DemoLine.partSerial(serial, part.partNumber(), n)
                                : ";L=" + Planner.lotOf(visit, part.partNumber()));
                var installed = operator.installPart(visit.station(), serial, barcode);
                if (!installed.accepted()) {
                    log.warn("Line simulator: {} part {} refused: {}", serial, barcode, installed.message());
                }
            }
        }
        var fixtures = equipment;
        if (fixtures == null || !visit.pass()) {
            return true;
        }
        if (visit.station().equals(DemoLine.FLASH_STATION)) {
            var fault = visit.flashFault();
            if (fault != null) {
                var refused = fixture.reportFlash(fixtures.flash(serial, fault));
                log.info(
                        "Line simulator: {} flash of {} {}: {}; flashing again",
                        serial,
                        fault.module(),
                        refused.accepted() ? "verified unexpectedly" : "rejected",
                        refused.message());
            }
            for (var flash : fixtures.flashes(serial)) {
                var flashed = fixture.reportFlash(flash);
                if (!flashed.accepted()) {
                    log.warn("Line simulator: {} flash of {} rejected: {}", serial, flash.module(), flashed.message());
                }
            }
        } else if (visit.station().equals(DemoLine.KEY_STATION)) {
            var injected = keyStation.reportKeyInjection(
                    serial, visit.station(), fixtures.identity(serial, visit.reusesKey()));
            if (!injected.accepted()) {
                log.info(
                        "Line simulator: {} key injection rejected ({}): {}",
                        serial,
                        injected.code(),
                        injected.message());
                if (visit.reusesKey()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How many milliseconds (real) the station stays stopped, 0 when it works. */
    private long stoppedFor(String station) {
        var sinceStart = Duration.ofNanos((long) ((System.nanoTime() - startedAt) * settings.speed()));
        var remaining = stoppage.remaining(station, sinceStart);
        return remaining.isZero() ? 0 : Math.max(1, settings.scaled(remaining).toMillis());
    }

    private void checkOut(Walk walk, int index, Step.Visit visit) {
        var stopped = stoppedFor(visit.station());
        if (stopped > 0) {
            // Stopped with the unit on it: nothing happens at the station until it works again.
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> checkOut(walk, index, visit), stopped, TimeUnit.MILLISECONDS);
            }
            return;
        }
        try {
            var out = operator.checkOut(visit.station(), walk.serial(), visit.defects());
            if (!out.accepted()) {
                log.warn("Line simulator: {} left at {}: check-out refused: {}", walk.serial(), visit.station(), out);
                return;
            }
            schedule(walk, index + 1, 1);
        } catch (RuntimeException e) {
            log.warn("Line simulator: {} left at {}: {}", walk.serial(), visit.station(), e.getMessage());
        }
    }

    private void retry(Walk walk, int index, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            log.warn("Line simulator: {} left after {} attempts: {}", walk.serial(), attempt, why);
            return;
        }
        log.info("Line simulator: {} will try again: {}", walk.serial(), why);
        schedule(walk, index, attempt + 1);
    }

    private static void expectRefusal(PlantClient.Verdict verdict, String station) {
        if (verdict.accepted()) {
            log.warn("Line simulator: a slip at {} was accepted: {}", station, verdict.message());
        }
    }

    private record Walk(String serial, List<Step> steps) {}
}
