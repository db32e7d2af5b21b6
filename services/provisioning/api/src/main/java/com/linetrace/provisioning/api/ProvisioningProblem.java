package com.linetrace.provisioning.api;

import com.linetrace.contracts.problem.ProblemType;

/**
 * Every way provisioning refuses a request, in-process and over HTTP alike, each with a stable problem type
 * {@code urn:linetrace:problem:<code>}; the refusal is a {@link com.linetrace.contracts.problem.ProblemException}.
 */
public enum ProvisioningProblem implements ProblemType {
    INVALID_REQUEST(400, "invalid-request"),
    RELEASE_NOT_FOUND(404, "release-not-found"),
    RELEASE_EXISTS(409, "release-exists"),
    RELEASE_STATE(409, "release-state"),
    RELEASE_SIGNATURE_INVALID(422, "release-signature-invalid"),
    PRIVATE_KEY_MATERIAL(422, "private-key-material"),
    FOUR_EYES(409, "four-eyes"),
    NOT_THIS_EQUIPMENT(403, "not-this-equipment"),
    UNIT_NOT_AT_STATION(409, "unit-not-at-station");

    private final int status;
    private final String code;

    ProvisioningProblem(int status, String code) {
        this.status = status;
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
