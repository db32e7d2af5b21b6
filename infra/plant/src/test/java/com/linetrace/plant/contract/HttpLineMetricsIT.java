package com.linetrace.plant.contract;

import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.MetricsProblem;
import org.junit.jupiter.api.BeforeAll;

/** {@link LineMetrics} as a UI apart calls it: the UI's HTTP client, and metrics running on its own port. */
class HttpLineMetricsIT extends LineMetricsContract {

    private static LineMetrics client;

    @BeforeAll
    static void startMetricsApart() {
        client = ServicesApart.client("metrics", LineMetrics.class, MetricsProblem.class);
    }

    @Override
    LineMetrics metrics() {
        return client;
    }
}
