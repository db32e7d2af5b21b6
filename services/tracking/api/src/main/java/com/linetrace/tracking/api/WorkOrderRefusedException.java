package com.linetrace.tracking.api;

import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.problem.ProblemException;

/**
 * A work order that cannot be released or listed as asked ({@link TrackingProblem#INVALID_WORK_ORDER}, 400), or that
 * does not exist ({@link TrackingProblem#UNKNOWN_WORK_ORDER}, 404); the message says why.
 */
public class WorkOrderRefusedException extends ProblemException {

    public WorkOrderRefusedException(String message) {
        this(TrackingProblem.INVALID_WORK_ORDER, message);
    }

    WorkOrderRefusedException(TrackingProblem problem, String message) {
        super(problem, message);
    }

    public static WorkOrderRefusedException unknown(WorkOrderNumber number) {
        return new WorkOrderRefusedException(TrackingProblem.UNKNOWN_WORK_ORDER, "No work order " + number);
    }
}
