package com.linetrace.ui;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plant's screens.
 *
 * @param defaultLine the line the dashboard shows until the user picks another
 * @param recentScans how many of a station's latest scans its terminal lists
 * @param latestEvents how many of a line's latest events the dashboard lists
 * @param dashboardRefresh how often a watched line's performance is computed again with no event (station states and
 *     stalls change with time alone)
 */
@ConfigurationProperties("linetrace.ui")
public record UiSettings(
        @DefaultValue("L1") String defaultLine,
        @DefaultValue("15") int recentScans,
        @DefaultValue("20") int latestEvents,
        @DefaultValue("30s") Duration dashboardRefresh) {

    /** The defaults, for views built outside Spring (tests). */
    public static UiSettings defaults() {
        return new UiSettings("L1", 15, 20, Duration.ofSeconds(30));
    }
}
