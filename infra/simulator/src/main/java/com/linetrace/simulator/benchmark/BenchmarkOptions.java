package com.linetrace.simulator.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmark does.
 *
 * @param units units driven through all ten operations as fast as the workers can
 * @param concurrency workers of that closed loop, each walking one unit at a time, its steps in order
 * @param warmup units walked first, not measured, so the JIT and connection pools are warm
 * @param rates requests (every request of a unit's walk: check-ins, part scans, equipment reports, check-outs) per
 *     second offered by the open loop, one run per rate; empty skips it
 * @param rateDuration how long the open loop offers each rate
 */
public record BenchmarkOptions(int units, int concurrency, int warmup, List<Integer> rates, Duration rateDuration) {

    public BenchmarkOptions {
        rates = List.copyOf(rates);
        if (units < 1
                || concurrency < 1
                || warmup < 0
                || rates.stream().anyMatch(rate -> rate < 1)
                || rateDuration.isNegative()) {
            throw new IllegalArgumentException(
                    "units and concurrency are at least 1; warmup, rate and rate-seconds" + " at least 0");
        }
    }

    /**
     * The options and the arguments left for the plant, from {@code --units=300 --concurrency=8 --warmup=30
     * --rate=200 --rate-seconds=10} (those are the defaults; {@code --rate=10,200} runs the open loop at each).
     */
    public record Parsed(BenchmarkOptions options, String[] rest) {}

    public static Parsed parse(String... args) {
        int units = 300;
        int concurrency = 8;
        int warmup = 30;
        var rates = List.of(200);
        int rateSeconds = 10;
        var rest = new ArrayList<String>();
        for (var arg : args) {
            var value = arg.substring(arg.indexOf('=') + 1);
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--units" -> units = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rate" ->
                    rates = value.isBlank()
                            ? List.of()
                            : Arrays.stream(value.split(","))
                                    .map(String::strip)
                                    .map(Integer::valueOf)
                                    .toList();
                case "--rate-seconds" -> rateSeconds = Integer.parseInt(value);
                default -> rest.add(arg);
            }
        }
        return new Parsed(
                new BenchmarkOptions(units, concurrency, warmup, rates, Duration.ofSeconds(rateSeconds)),
                rest.toArray(String[]::new));
    }
}
