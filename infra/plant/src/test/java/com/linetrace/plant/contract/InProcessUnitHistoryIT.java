package com.linetrace.plant.contract;

import com.linetrace.testing.IntegrationTest;
import com.linetrace.trace.api.UnitHistory;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link UnitHistory} as the plant's UI calls it: trace's own bean, in the plant's JVM. */
@IntegrationTest
class InProcessUnitHistoryIT extends UnitHistoryContract {

    @Autowired
    UnitHistory history;

    @Override
    UnitHistory history() {
        return history;
    }
}
