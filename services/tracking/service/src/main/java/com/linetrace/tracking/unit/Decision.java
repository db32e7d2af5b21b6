package com.linetrace.tracking.unit;

import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.route.Operation;
import org.jspecify.annotations.Nullable;

/** What the interlock decided: go with an operation, or stop with a reason in plain words. */
public sealed interface Decision {

    String message();

    /**
     * The unit may be worked on.
     *
     * @param rework it is at REPAIR for the failed {@code operation}
     * @param alreadyCheckedIn it was checked in here already (a repeated scan): nothing changes
     */
    record Go(Operation operation, boolean rework, boolean alreadyCheckedIn, String message) implements Decision {}

    record Stop(Refusal refusal, String message, @Nullable Operation operation) implements Decision {}
}
