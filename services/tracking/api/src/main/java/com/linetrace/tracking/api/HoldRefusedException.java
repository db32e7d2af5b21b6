package com.linetrace.tracking.api;

import com.linetrace.contracts.problem.ProblemException;

/**
 * A hold, release, scrap or quarantine that cannot be done as asked ({@link TrackingProblem#HOLD_REFUSED}, 400), or
 * of a serial no work order issued ({@link TrackingProblem#UNKNOWN_SERIAL}, 404); the message says why.
 */
public class HoldRefusedException extends ProblemException {

    public HoldRefusedException(String message) {
        this(TrackingProblem.HOLD_REFUSED, message);
    }

    HoldRefusedException(TrackingProblem problem, String message) {
        super(problem, message);
    }

    /** A release or scrap of a serial that no work order issued. */
    public static HoldRefusedException unknownSerial(String serial) {
        return new HoldRefusedException(TrackingProblem.UNKNOWN_SERIAL, "Unknown serial " + serial);
    }
}
