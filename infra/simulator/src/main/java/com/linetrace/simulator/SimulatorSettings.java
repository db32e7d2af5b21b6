package com.linetrace.simulator;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The line simulator's settings.
 *
 * @param enabled run the simulator once the application is ready
 * @param walkUnits start units down the line; false leaves the line to people on the station terminals, while the
 *     demo equipment still serves them (see {@code attendManualUnits})
 * @param attendManualUnits the demo flash fixture and key station also serve units the simulator does not walk (a
 *     person walking a unit on the station terminal): when one is checked in at the flash station, every module is
 *     flashed with its approved release; at the key station, a fresh device key is injected and certified by the
 *     demo CA. Only in the plant the simulator runs in, with its demo provisioning keys
 * @param baseUrl the plant whose HTTP API it drives; by default this application itself
 *     ({@code http://localhost:${server.port}}, the port it actually listens on)
 * @param user the operator it scans as
 * @param password that operator's password
 * @param supervisor the supervisor who releases a work order when the simulator's serials run out
 * @param supervisorPassword that supervisor's password
 * @param engineer the release engineer who registers the demo firmware releases at start
 * @param engineerPassword that engineer's password
 * @param quality the quality engineer who approves them (and revokes an older one)
 * @param qualityPassword that quality engineer's password
 * @param fixtureSecret the secret of the demo flash fixture {@code FIX-FW-1}, registered equipment that reports flashes
 * @param keyStationSecret the secret of the demo key station {@code KEY-1}, registered equipment that reports key
 *     injections
 * @param unitInterval how often a new unit starts down the line, at speed 1
 * @param speed how many times faster than the plant floor the line runs: every walk, station time and interval
 *     is divided by it (1 is real time; tests use hundreds)
 * @param failureRate the share of units that fail a test (calibration or flight test), get repaired and pass
 * @param slipRate the chance, before each step, of a human slip: a scan at a station the unit has left or a
 *     mistyped barcode, which the plant must refuse
 * @param flashFaultRate the share of units whose first flash of a module provisioning rejects (a read-back that
 *     differs, or the image of the revoked release) and that the fixture then flashes correctly
 * @param keyReuseRate the share of units whose key station reports the previous unit's device key: provisioning
 *     refuses it as a duplicate, the plant holds both units and the simulator leaves this one
 * @param workOrderSize how many units each work order the simulator releases builds
 * @param seed the seed of the simulator's choices, so a day can be replayed; random when not set
 * @param stoppageStation the station that stops now and then (a short stoppage, a stall for the andon); empty for
 *     none
 * @param stoppageFirst how long after the start (on the floor's clock) the first stoppage begins
 * @param stoppageEvery how often a stoppage begins after that
 * @param stoppageLength how long each lasts: longer than the andon's stall threshold (10 min), so it raises a stall
 */
@ConfigurationProperties("linetrace.simulator")
record SimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean walkUnits,
        @DefaultValue("true") boolean attendManualUnits,
        @Nullable URI baseUrl,
        @DefaultValue("operator") String user,
        @DefaultValue("operator") String password,
        @DefaultValue("supervisor") String supervisor,
        @DefaultValue("supervisor") String supervisorPassword,
        @DefaultValue("engineer") String engineer,
        @DefaultValue("engineer") String engineerPassword,
        @DefaultValue("quality") String quality,
        @DefaultValue("quality") String qualityPassword,
        @DefaultValue("FIX-FW-1") String fixtureSecret,
        @DefaultValue("KEY-1") String keyStationSecret,
        @DefaultValue("60s") Duration unitInterval,
        @DefaultValue("1") double speed,
        @DefaultValue("0.08") double failureRate,
        @DefaultValue("0.03") double slipRate,
        @DefaultValue("0.05") double flashFaultRate,
        @DefaultValue("0.01") double keyReuseRate,
        @DefaultValue("24") int workOrderSize,
        @Nullable Long seed,
        @DefaultValue("TST-2") String stoppageStation,
        @DefaultValue("20m") Duration stoppageFirst,
        @DefaultValue("4h") Duration stoppageEvery,
        @DefaultValue("12m") Duration stoppageLength) {

    SimulatorSettings {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("linetrace.simulator.speed must be above 0");
        }
        for (double rate : new double[] {failureRate, slipRate, flashFaultRate, keyReuseRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(
                        "linetrace.simulator failure-rate, slip-rate, flash-fault-rate and key-reuse-rate are between"
                                + " 0 and 1");
            }
        }
        // Checked at the start, not at the first stoppage.
        new Stoppage(stoppageStation, stoppageFirst, stoppageEvery, stoppageLength);
        if (workOrderSize < 1 || workOrderSize > 10_000) {
            throw new IllegalArgumentException("linetrace.simulator.work-order-size is 1 to 10000");
        }
    }

    Stoppage stoppage() {
        return new Stoppage(
                stoppageStation.isBlank() ? null : stoppageStation, stoppageFirst, stoppageEvery, stoppageLength);
    }

    /** {@code duration} on the simulated floor, as it passes at this speed. */
    Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() / speed));
    }
}
