package com.linetrace.metrics.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.problem.ProblemException;

/** No event of a line has reached metrics: it has no unit yet, or it is not one of this plant's. */
public class UnknownLineException extends ProblemException {

    public UnknownLineException(String detail) {
        super(MetricsProblem.UNKNOWN_LINE, detail);
    }

    public static UnknownLineException of(LineId line) {
        return new UnknownLineException("Metrics has no event of line " + line.value() + " yet");
    }
}
