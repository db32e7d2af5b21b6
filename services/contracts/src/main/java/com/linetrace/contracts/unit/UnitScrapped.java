package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;

/** The unit was scrapped: final, it is refused everywhere from now on (IPC-CFX UnitsDisqualified in spirit). */
public record UnitScrapped(String reason) implements UnitEvent {

    public UnitScrapped {
        Text.require("reason", reason, Text.REASON);
    }
}
