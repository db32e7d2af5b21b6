package com.linetrace.plant.contract;

import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.WorkOrderPlanning;
import org.springframework.beans.factory.annotation.Autowired;

/** Tracking's apis as the plant's UI calls them: tracking's own beans, in the plant's JVM. */
@IntegrationTest
class InProcessTrackingIT extends TrackingContract {

    @Autowired
    StationOperations operations;

    @Autowired
    MasterDataEditor masterData;

    @Autowired
    WorkOrderPlanning workOrders;

    @Override
    StationOperations operations() {
        return operations;
    }

    @Override
    MasterDataEditor masterData() {
        return masterData;
    }

    @Override
    WorkOrderPlanning workOrders() {
        return workOrders;
    }
}
