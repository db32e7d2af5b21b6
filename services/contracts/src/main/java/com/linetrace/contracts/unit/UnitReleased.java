package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** Quality released the unit from hold. */
public record UnitReleased(String reason) implements UnitEvent {

    public UnitReleased {
        Text.require("reason", reason, Text.REASON);
    }
}
