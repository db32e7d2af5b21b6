package com.linetrace.plant.contract;

import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitTrace;
import org.junit.jupiter.api.BeforeAll;

/** {@link DeviceHistoryRecords} as a UI apart calls it: the UI's HTTP client, and trace running on its own port. */
class HttpDeviceHistoryRecordsIT extends DeviceHistoryRecordsContract {

    private static DeviceHistoryRecords records;
    private static UnitTrace trace;

    @BeforeAll
    static void startTraceApart() {
        records = ServicesApart.client("trace", DeviceHistoryRecords.class, TraceProblem.class);
        trace = ServicesApart.client("trace", UnitTrace.class, TraceProblem.class);
    }

    @Override
    DeviceHistoryRecords records() {
        return records;
    }

    @Override
    UnitTrace trace() {
        return trace;
    }
}
