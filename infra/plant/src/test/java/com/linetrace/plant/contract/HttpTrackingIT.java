package com.linetrace.plant.contract;

import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.WorkOrderPlanning;
import org.junit.jupiter.api.BeforeAll;

/** Tracking's apis as a UI apart calls them: the UI's HTTP clients, and tracking on its own port. */
class HttpTrackingIT extends TrackingContract {

    private static StationOperations operations;
    private static MasterDataEditor masterData;
    private static WorkOrderPlanning workOrders;

    @BeforeAll
    static void startTrackingApart() {
        operations = ServicesApart.client("tracking", StationOperations.class, TrackingProblem.class);
        masterData = ServicesApart.client("tracking", MasterDataEditor.class, TrackingProblem.class);
        workOrders = ServicesApart.client("tracking", WorkOrderPlanning.class, TrackingProblem.class);
    }

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
