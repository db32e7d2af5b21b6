package com.linetrace.plant;

import com.linetrace.simulator.DemoLine;
import com.linetrace.simulator.DemoProvisioningKeys;
import com.linetrace.simulator.Equipment;
import com.linetrace.simulator.IdentityTokens;
import com.linetrace.simulator.PlantClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The demo line's stations driving several instances of tracking and provisioning over HTTP, as the simulator's
 * stations do (check-in, work look-up, part scans and check-out to tracking; the flash fixture's and key station's
 * reports to provisioning; at each of the ten operations), with the demo release key and plant CA provisioning was
 * started with. Units are spread over the instances in turn (unit {@code k} goes to tracking and provisioning
 * instance {@code k mod n}); a station whose instance does not answer sends the same request to the next one, as a
 * station client behind a load balancer would, with the same scan id, so tracking answers a scan it took before the
 * instance died with its first verdict. Another request tried again there after its first try got no answer may have
 * been done already (the answer was lost with the instance): when such a retry is refused, the unit is left where it
 * is and counted.
 */
final class ClusterLoad implements AutoCloseable {

    private static final String PROVISIONING_MISSING = "PROVISIONING_MISSING";
    private static final int PACK_OUT_ATTEMPTS = 400;
    private static final int FAILOVER_ATTEMPTS = 40;
    /** How {@link PlantClient} words an answer with a 4xx status. */
    private static final Pattern REFUSAL = Pattern.compile(" answered 4\\d\\d");

    private final List<URI> identity;
    private final List<Station> stations;
    private final DemoProvisioningKeys keys;
    private final int workers;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> serials = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final AtomicLongArray trackingAnswered;
    private final AtomicLongArray provisioningAnswered;
    private final AtomicInteger packed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger leftAfterFailover = new AtomicInteger();
    private final AtomicInteger failovers = new AtomicInteger();
    private @Nullable ExecutorService pool;
    private @Nullable Equipment equipment;

    /**
     * The clients of the {@code i}-th instances, one per account a station uses: the operator and supervisor call
     * tracking, the flash fixture and key station provisioning.
     */
    private record Station(PlantClient operator, PlantClient fixture, PlantClient keyStation, PlantClient supervisor) {}

    /**
     * One request of a walk, sent to the instance given; {@code provisioning}: which service answers it. {@code send}
     * takes the scan id of the attempt (station scans use it): one per attempt, and the same when the attempt is sent
     * on to another instance, since that is the same scan (tracking answers a scan it took with its first verdict).
     */
    private record Request(
            String station,
            boolean packOutCheckIn,
            boolean provisioning,
            BiFunction<Station, UUID, PlantClient.Verdict> send) {}

    /**
     * {@code tracking} and {@code provisioning}: the base address of each instance, as many of each; {@code
     * identity}: the instances that sign every account in (the services apart accept only identity's tokens).
     */
    ClusterLoad(
            List<URI> identity, List<URI> tracking, List<URI> provisioning, DemoProvisioningKeys keys, int workers) {
        if (tracking.size() != provisioning.size()) {
            throw new IllegalArgumentException("As many tracking instances as provisioning instances");
        }
        this.identity = List.copyOf(identity);
        // One token per account, shared by its clients of every instance, as one badge opens every door.
        var operator = tokens("operator");
        var fixture = new IdentityTokens(identity, Equipment.FIXTURE, Equipment.FIXTURE);
        var keyStation = new IdentityTokens(identity, DemoLine.KEY_STATION, DemoLine.KEY_STATION);
        var supervisor = tokens("supervisor");
        var stations = new ArrayList<Station>();
        for (int i = 0; i < tracking.size(); i++) {
            stations.add(new Station(
                    new PlantClient(tracking.get(i), operator),
                    new PlantClient(provisioning.get(i), fixture),
                    new PlantClient(provisioning.get(i), keyStation),
                    new PlantClient(tracking.get(i), supervisor)));
        }
        this.stations = List.copyOf(stations);
        this.keys = keys;
        this.workers = workers;
        this.trackingAnswered = new AtomicLongArray(tracking.size());
        this.provisioningAnswered = new AtomicLongArray(provisioning.size());
    }

    /** Registers and approves the demo releases through a provisioning instance and starts the workers. */
    void start(URI provisioning) {
        try (var engineer = new PlantClient(provisioning, tokens("engineer"));
                var quality = new PlantClient(provisioning, tokens("quality"))) {
            equipment = Equipment.setUp(keys, engineer, quality, "quality");
        }
        pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(this::work);
        }
    }

    /** A demo user's token: the demo users' passwords are their names. */
    private IdentityTokens tokens(String user) {
        return new IdentityTokens(identity, user, user);
    }

    /** Lets each worker finish the request it is sending, and waits for them. */
    void stop() throws InterruptedException {
        stopped.set(true);
        if (pool != null) {
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
    }

    /** Requests tracking instance {@code i} answered so far (accepted or refused). */
    long trackingAnswered(int i) {
        return trackingAnswered.get(i);
    }

    /** Requests provisioning instance {@code i} answered so far (accepted or refused). */
    long provisioningAnswered(int i) {
        return provisioningAnswered.get(i);
    }

    int packed() {
        return packed.get();
    }

    int refused() {
        return refused.get();
    }

    int failovers() {
        return failovers.get();
    }

    int leftAfterFailover() {
        return leftAfterFailover.get();
    }

    private void work() {
        while (!stopped.get()) {
            var serial = nextSerial();
            if (serial == null) {
                continue;
            }
            int home = Math.floorMod(nextInstance.getAndIncrement(), stations.size());
            walk(serial, home);
        }
    }

    private @Nullable String nextSerial() {
        var serial = serials.poll();
        if (serial != null) {
            return serial;
        }
        synchronized (serials) {
            if (serials.isEmpty()) {
                var released = sendWithFailover(
                        Math.floorMod(nextInstance.get(), stations.size()),
                        false,
                        s -> new PlantClient.Verdict(
                                true,
                                null,
                                String.join(",", s.supervisor().releaseWorkOrder(DemoLine.MODEL, DemoLine.LINE, 200))));
                if (released == null) {
                    return null;
                }
                serials.addAll(List.of(released.verdict().message().split(",")));
            }
        }
        return serials.poll();
    }

    private void walk(String serial, int home) {
        int at = home;
        for (var request : requests(serial)) {
            for (int attempt = 1; ; attempt++) {
                if (stopped.get()) {
                    return;
                }
                var scan = UUID.randomUUID();
                var answer = sendWithFailover(
                        at, request.provisioning(), s -> request.send().apply(s, scan));
                if (answer == null) {
                    return;
                }
                at = answer.instance();
                if (answer.verdict().accepted()) {
                    break;
                }
                if (request.packOutCheckIn()
                        && PROVISIONING_MISSING.equals(answer.verdict().code())
                        && attempt < PACK_OUT_ATTEMPTS) {
                    pause(50);
                    continue;
                }
                if (answer.failedOver()) {
                    leftAfterFailover.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                return;
            }
        }
        packed.incrementAndGet();
    }

    /** Where a request was answered, whether it had to move there, and the answer. */
    private record Answer(int instance, boolean failedOver, PlantClient.Verdict verdict) {}

    /** Sends to {@code at}, and on to the next instance while one does not answer; null when stopped meanwhile. */
    private @Nullable Answer sendWithFailover(
            int at, boolean provisioning, Function<Station, PlantClient.Verdict> send) {
        var answered = provisioning ? provisioningAnswered : trackingAnswered;
        boolean failedOver = false;
        for (int attempt = 1; ; attempt++) {
            try {
                var verdict = send.apply(stations.get(at));
                answered.incrementAndGet(at);
                return new Answer(at, failedOver, verdict);
            } catch (RuntimeException e) {
                if (REFUSAL.matcher(String.valueOf(e.getMessage())).find()) {
                    // The instance answered, with a client error: a refusal, not an instance away.
                    answered.incrementAndGet(at);
                    return new Answer(at, failedOver, new PlantClient.Verdict(false, "HTTP_4XX", e.getMessage()));
                }
                if (stopped.get() || attempt >= FAILOVER_ATTEMPTS) {
                    return null;
                }
                failovers.incrementAndGet();
                failedOver = true;
                at = (at + 1) % stations.size();
                pause(250);
            }
        }
    }

    /** A unit's walk through the route, every request a station sends for it. */
    private List<Request> requests(String serial) {
        var equipment = this.equipment;
        if (equipment == null) {
            throw new IllegalStateException("The load was not started");
        }
        var requests = new ArrayList<Request>();
        for (var operation : DemoLine.ROUTE) {
            var station = operation.station();
            requests.add(new Request(
                    station,
                    station.equals(DemoLine.PACK_STATION),
                    false,
                    (s, scan) -> s.operator().checkIn(station, serial, scan)));
            requests.add(new Request(station, false, false, (s, scan) -> {
                s.operator().work(station, serial);
                return new PlantClient.Verdict(true, null, "work looked up");
            }));
            for (var part : operation.parts()) {
                for (int n = 1; n <= part.quantity(); n++) {
                    var barcode = part.partNumber()
                            + (part.serialized()
                                    ? ";S=" + DemoLine.partSerial(serial, part.partNumber(), n)
                                    : ";L=L" + DemoLine.LOT_SUFFIXES.get(n % DemoLine.LOT_SUFFIXES.size()));
                    requests.add(new Request(
                            station,
                            false,
                            false,
                            (s, scan) -> s.operator().installPart(station, serial, barcode, scan)));
                }
            }
            if (station.equals(DemoLine.FLASH_STATION)) {
                for (var module : DemoLine.FIRMWARE_MODULES) {
                    var flash = equipment.flash(serial, module);
                    requests.add(new Request(
                            station, false, true, (s, scan) -> s.fixture().reportFlash(flash)));
                }
            }
            if (station.equals(DemoLine.KEY_STATION)) {
                var identity = equipment.identity(serial, false);
                requests.add(new Request(
                        station,
                        false,
                        true,
                        (s, scan) -> s.keyStation().reportKeyInjection(serial, station, identity)));
            }
            requests.add(new Request(
                    station, false, false, (s, scan) -> s.operator().checkOut(station, serial, List.of(), scan)));
        }
        return requests;
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (var station : stations) {
            station.operator().close();
            station.fixture().close();
            station.keyStation().close();
            station.supervisor().close();
        }
    }
}
