package com.linetrace.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How metrics reads a line ({@code linetrace.metrics.*}; the shift calendar is {@code linetrace.metrics.shifts.*}).
 *
 * @param stallAfter a station with a unit in work or waiting and no event for this long is unscheduled down
 * @param blockedQueue an idle station whose downstream station kind has this many units waiting is standby blocked
 * @param topDefects how many defect codes a line's performance lists
 * @param plant the plant's id in the events metrics writes (andon alerts, report exports)
 */
@Validated
@ConfigurationProperties("linetrace.metrics")
public record MetricsSettings(
        @DefaultValue("10m") Duration stallAfter,
        @DefaultValue("3") @Min(1) int blockedQueue,
        @DefaultValue("5") @Min(1) @Max(50) int topDefects,
        @DefaultValue("CA1") String plant) {

    public MetricsSettings {
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("linetrace.metrics.stall-after must be longer than zero");
        }
        com.linetrace.contracts.Text.require("linetrace.metrics.plant", plant, com.linetrace.contracts.Text.ID);
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(Duration.ofMinutes(10), 3, 5, "CA1");
    }
}
