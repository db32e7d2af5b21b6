package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** The unit was checked in at a station for one operation of its route; the interlock accepted it. */
public record UnitsArrived(int operation, String operationName, boolean rework) implements UnitEvent {

    public UnitsArrived {
        Text.require("operationName", operationName, Text.NAME);
    }
}
