package com.linetrace.tracking.api;

import com.linetrace.contracts.problem.ProblemException;

/**
 * Why master data was not saved or found, in words: {@link TrackingProblem#INVALID_MASTER_DATA} (400),
 * {@link TrackingProblem#ALREADY_EXISTS} (409) when it clashes with what exists, {@link TrackingProblem#UNKNOWN_LINE}
 * or {@link TrackingProblem#UNKNOWN_ROUTE} (404).
 */
public class MasterDataRefusedException extends ProblemException {

    public MasterDataRefusedException(String message) {
        this(TrackingProblem.INVALID_MASTER_DATA, message);
    }

    public MasterDataRefusedException(TrackingProblem problem, String message) {
        super(problem, message);
    }

    public boolean conflict() {
        return problem() == TrackingProblem.ALREADY_EXISTS;
    }
}
