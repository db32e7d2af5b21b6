package com.linetrace.contracts.line;

/** What raised an andon alert: each rule of metrics' andon, with the cause that clears it. */
public enum AndonRule {
    /** A station with a unit in work or waiting has had no event for the stall threshold; clears at its next event. */
    STATION_STALLED,
    /** The first-pass yield of the line's last units is under its threshold; clears when it is back over. */
    FIRST_PASS_YIELD_LOW,
    /** A lot is quarantined; clears when the quarantine is lifted. */
    LOT_QUARANTINED,
    /** A firmware release that units of the line carry was revoked; clears when each such unit is released or scrapped. */
    FIRMWARE_REVOKED,
    /** A dead-letter topic holds records nobody has replayed or discarded; clears when each is settled. */
    DEAD_LETTERS
}
