package com.linetrace.bulkload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk load makes.
 *
 * @param units how many units (serials)
 * @param eventsPerUnit unit events of a unit that passes every operation first time (the demo bill of materials
 *     makes 51); rework, holds and the provisioning events come on top
 * @param seed every choice of the load, and its event ids, follow from it: the same seed and sizes make the same events
 * @param start when the first work order is released; one unit starts every {@code unitInterval} after it
 * @param unitInterval the line's pace (20 s: about 4,300 units a day)
 * @param lotUnits how many units one lot of a lot-traced part reaches (a lot of four arms a unit holds four times as
 *     many arms)
 * @param firstSequence the sequence of the first serial (tracking issues its own from 1; the load's keep clear of them)
 * @param manufacturerCode the plant's CTA-2063-A manufacturer code, the first four characters of every serial
 */
public record LoadOptions(
        int units,
        int eventsPerUnit,
        long seed,
        Instant start,
        Duration unitInterval,
        int lotUnits,
        long firstSequence,
        String manufacturerCode) {

    static final int SERIAL_DIGITS = 9;

    public LoadOptions {
        if (units < 1 || lotUnits < 1 || firstSequence < 0 || unitInterval.isNegative() || unitInterval.isZero()) {
            throw new IllegalArgumentException(
                    "units and lot-units are at least 1, first-sequence at least 0, unit-interval positive");
        }
        Route.scaled(eventsPerUnit);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(
                200_000,
                51,
                1,
                Instant.parse("2026-09-01T06:00:00Z"),
                Duration.ofSeconds(20),
                10_000,
                1_000_000,
                "LTRC");
    }

    /** The options and the arguments no option took. */
    public record Parsed(LoadOptions options, List<String> rest) {}

    /**
     * Reads {@code --units=200000 --events-per-unit=51 --seed=1 --start=2026-09-01T06:00:00Z --unit-interval=20s
     * --lot-units=10000 --first-sequence=1000000 --manufacturer-code=LTRC} (the defaults); any other argument is left.
     */
    public static Parsed parse(List<String> args) {
        var d = defaults();
        int units = d.units();
        int eventsPerUnit = d.eventsPerUnit();
        long seed = d.seed();
        var start = d.start();
        var interval = d.unitInterval();
        int lotUnits = d.lotUnits();
        long firstSequence = d.firstSequence();
        var code = d.manufacturerCode();
        var rest = new ArrayList<String>();
        for (var arg : args) {
            int eq = arg.indexOf('=');
            var name = eq < 0 ? arg : arg.substring(0, eq);
            var value = eq < 0 ? "" : arg.substring(eq + 1);
            try {
                switch (name) {
                    case "--units" -> units = Integer.parseInt(value.replace("_", ""));
                    case "--events-per-unit" -> eventsPerUnit = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--start" -> start = Instant.parse(value);
                    case "--unit-interval" -> interval = duration(value);
                    case "--lot-units" -> lotUnits = Integer.parseInt(value.replace("_", ""));
                    case "--first-sequence" -> firstSequence = Long.parseLong(value.replace("_", ""));
                    case "--manufacturer-code" -> code = value;
                    default -> rest.add(arg);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Cannot read " + arg + ": " + e.getMessage(), e);
            }
        }
        return new Parsed(
                new LoadOptions(units, eventsPerUnit, seed, start, interval, lotUnits, firstSequence, code), rest);
    }

    /** {@code 20s}, {@code 500ms}, {@code 2m} or an ISO-8601 duration. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse(text);
    }

    /** The arguments that make these options again, for a report. */
    public List<String> arguments() {
        return List.of(
                "--units=" + units,
                "--events-per-unit=" + eventsPerUnit,
                "--seed=" + seed,
                "--start=" + start,
                "--unit-interval=" + unitInterval.toMillis() + "ms",
                "--lot-units=" + lotUnits,
                "--first-sequence=" + firstSequence,
                "--manufacturer-code=" + manufacturerCode);
    }
}
