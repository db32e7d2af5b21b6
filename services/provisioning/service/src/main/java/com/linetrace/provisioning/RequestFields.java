package com.linetrace.provisioning;

import com.linetrace.contracts.Text;
import com.linetrace.provisioning.api.ProvisioningProblem;
import org.jspecify.annotations.Nullable;

/** The checks every request field of provisioning's api passes, refusing with {@code invalid-request}. */
public final class RequestFields {

    private RequestFields() {}

    /** The text of a required request field, or a refusal naming the field. */
    public static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProvisioningProblem.INVALID_REQUEST.exception(field + " is required");
        }
        return value;
    }

    /** A reason a person gives (approval, revocation): required, at most 500 characters, text any consumer can record. */
    public static String reason(@Nullable String value) {
        var reason = required(value, "reason");
        var problem = Text.problemWith(reason, 500);
        if (problem != null) {
            throw ProvisioningProblem.INVALID_REQUEST.exception("reason " + problem);
        }
        return reason;
    }
}
