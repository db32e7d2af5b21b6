package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.problem.ProblemException;

/** Trace has recorded nothing for a serial: it never reached a station, or it is not one of this plant's. */
public class UnknownSerialException extends ProblemException {

    public UnknownSerialException(String detail) {
        super(TraceProblem.UNKNOWN_SERIAL, detail);
    }

    public static UnknownSerialException of(Serial serial) {
        return new UnknownSerialException("No unit with serial " + serial.value() + " is known to trace");
    }
}
