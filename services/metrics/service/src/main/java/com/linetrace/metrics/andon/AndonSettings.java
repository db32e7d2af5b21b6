package com.linetrace.metrics.andon;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The andon's rules ({@code linetrace.metrics.andon.*}).
 *
 * @param stallAfter N: a station with a unit in work or waiting for it and no event for this long raises a stall
 * @param yieldUnits M: the first-pass yield rule looks at the line's last this many completed units
 * @param yieldThreshold an alert is raised while the first-pass yield of those units is under this share (0–1)
 * @param checkInterval how often the rules are evaluated (one instance of metrics at a time)
 */
@Validated
@ConfigurationProperties("linetrace.metrics.andon")
public record AndonSettings(
        @DefaultValue("10m") Duration stallAfter,
        @DefaultValue("20") @Min(1) @Max(1000) int yieldUnits,

        @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1")
        double yieldThreshold,

        @DefaultValue("10s") Duration checkInterval) {

    public AndonSettings {
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("linetrace.metrics.andon.stall-after must be longer than zero");
        }
        if (checkInterval.toMillis() < 100) {
            throw new IllegalArgumentException("linetrace.metrics.andon.check-interval must be 100ms or longer");
        }
    }
}
