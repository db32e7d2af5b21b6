package com.linetrace.plant.contract;

import com.linetrace.testing.IntegrationTest;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.UnitTrace;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link DeviceHistoryRecords} as the plant's UI calls it: trace's own beans, in the plant's JVM. */
@IntegrationTest
class InProcessDeviceHistoryRecordsIT extends DeviceHistoryRecordsContract {

    @Autowired
    DeviceHistoryRecords records;

    @Autowired
    UnitTrace trace;

    @Override
    DeviceHistoryRecords records() {
        return records;
    }

    @Override
    UnitTrace trace() {
        return trace;
    }
}
