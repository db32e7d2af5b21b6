package com.linetrace.tracking.api;

/** Why the interlock refused a scan; each has a stable code for clients and a plain-words message. */
public enum Refusal {
    MALFORMED_BARCODE,
    UNKNOWN_SERIAL,
    WRONG_STATION,
    WRONG_LINE,
    UNIT_COMPLETED,
    UNIT_HELD,
    UNIT_SCRAPPED,
    CHECKED_IN_ELSEWHERE,
    NOT_CHECKED_IN,
    BUSY
}
