package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** The unit passed the last operation of its route: it is packed and can ship. */
public record UnitCompleted(String workOrder) implements UnitEvent {

    public UnitCompleted {
        Text.require("workOrder", workOrder, Text.ID);
    }
}
