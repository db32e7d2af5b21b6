package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** The unit was put on hold and is refused at every station until quality releases it. */
public record UnitHeld(String reason) implements UnitEvent {

    public UnitHeld {
        Text.require("reason", reason, Text.REASON);
    }
}
