package com.linetrace.tracking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/** Where units stand, for a recall's scope: by serial, its status and whether it is held. */
@FunctionalInterface
public interface UnitStatuses {

    /** The serials to look up (a recall's scope: up to 10000). */
    record Serials(@NotNull @Size(max = 10_000) List<String> serials) {}

    /**
     * The status of each known serial among {@code serials}: ISSUED, IN_PROGRESS, COMPLETED or SCRAPPED, with
     * " (held)" when on hold. Unknown serials are left out. A query, but a POST: the list is too long for a URL.
     */
    @PostExchange(url = "/api/units/statuses", contentType = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> of(@Valid @RequestBody Serials serials);
}
