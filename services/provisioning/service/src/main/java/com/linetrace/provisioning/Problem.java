package com.linetrace.provisioning;

import org.springframework.http.HttpStatus;

/** Every way provisioning's API refuses a request, each with a stable problem type {@code urn:linetrace:problem:<code>}. */
public enum Problem {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
    RELEASE_NOT_FOUND(HttpStatus.NOT_FOUND, "release-not-found"),
    RELEASE_EXISTS(HttpStatus.CONFLICT, "release-exists"),
    RELEASE_STATE(HttpStatus.CONFLICT, "release-state"),
    RELEASE_SIGNATURE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "release-signature-invalid"),
    PRIVATE_KEY_MATERIAL(HttpStatus.UNPROCESSABLE_CONTENT, "private-key-material"),
    FOUR_EYES(HttpStatus.CONFLICT, "four-eyes"),
    NOT_THIS_EQUIPMENT(HttpStatus.FORBIDDEN, "not-this-equipment"),
    UNIT_NOT_AT_STATION(HttpStatus.CONFLICT, "unit-not-at-station");

    final HttpStatus status;
    final String code;

    Problem(HttpStatus status, String code) {
        this.status = status;
        this.code = code;
    }
}
