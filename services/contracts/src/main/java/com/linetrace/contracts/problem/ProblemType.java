package com.linetrace.contracts.problem;

/**
 * One way a service's api refuses a request. Each service's api has one enum of these; its {@link #code()} is the
 * stable part of the problem+json {@code type} ({@code urn:linetrace:problem:<code>}), so a remote caller maps an
 * answer back to the same exception an in-process caller catches.
 */
public interface ProblemType {

    /** Prefix of every LineTrace problem type URI. */
    String URN_PREFIX = "urn:linetrace:problem:";

    /** Lower-case words joined by hyphens, never changed once published ({@code release-not-found}). */
    String code();

    /** The HTTP status the refusal is answered with (400, 403, 404, 409, 422, 503…). */
    int status();

    /** The exception the api throws for this problem; an api overrides it where a refusal has a type of its own. */
    default ProblemException exception(String detail) {
        return new ProblemException(this, detail);
    }

    default String type() {
        return URN_PREFIX + code();
    }
}
