package com.linetrace.contracts.problem;

/**
 * A refusal by a service's api, with the reason in plain words for the person who asked. The same exception reaches
 * an in-process caller and, mapped back from the problem+json answer, a caller over HTTP.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType problem;

    public ProblemException(ProblemType problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    public ProblemType problem() {
        return problem;
    }
}
