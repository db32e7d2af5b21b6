package com.linetrace.plant.contract;

import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link LineMetrics} as the plant's UI calls it: metrics' own bean, in the plant's JVM. */
@IntegrationTest
class InProcessLineMetricsIT extends LineMetricsContract {

    @Autowired
    LineMetrics metrics;

    @Override
    LineMetrics metrics() {
        return metrics;
    }
}
