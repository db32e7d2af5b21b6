package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** A serial was issued to a unit of a work order, which will follow the given route version. */
public record UnitsInitialized(String workOrder, String model, int routeVersion) implements UnitEvent {

    public UnitsInitialized {
        Text.require("workOrder", workOrder, Text.ID);
        Text.require("model", model, Text.ID);
    }
}
