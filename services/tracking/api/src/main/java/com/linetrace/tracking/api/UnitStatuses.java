package com.linetrace.tracking.api;

import java.util.List;
import java.util.Map;

/** Where units stand, for a recall's scope: by serial, its status and whether it is held. */
@FunctionalInterface
public interface UnitStatuses {

    /**
     * The status of each known serial among {@code serials}: ISSUED, IN_PROGRESS, COMPLETED or SCRAPPED, with
     * " (held)" when on hold. Unknown serials are left out.
     */
    Map<String, String> of(List<String> serials);
}
