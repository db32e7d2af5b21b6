package com.linetrace.tracking.api;

/** Why the interlock refused a scan; each has a stable code for clients and a plain-words message. */
public enum Refusal {
    MALFORMED_BARCODE,
    UNKNOWN_SERIAL,
    WRONG_STATION,
    WRONG_LINE,
    ROLE_NOT_ALLOWED,
    UNIT_COMPLETED,
    UNIT_HELD,
    UNIT_SCRAPPED,
    CHECKED_IN_ELSEWHERE,
    NOT_CHECKED_IN,
    PROVISIONING_MISSING,
    PARTS_MISSING,
    MALFORMED_PART_BARCODE,
    PART_NOT_IN_BILL_OF_MATERIALS,
    PART_ALREADY_INSTALLED,
    PART_QUANTITY_COMPLETE,
    LOT_QUARANTINED
}
