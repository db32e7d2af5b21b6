package com.linetrace.metrics.api;

import com.linetrace.contracts.LineId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * How a line performs, computed by metrics from the unit and line events alone. Called in-process (metrics' bean) or
 * over HTTP (served by metrics' controller, called through an HTTP interface client): the caller is the signed-in
 * user, with any person's role. Under metrics' own path (not {@code /api/lines}, which is tracking's), so a gateway
 * routes by prefix.
 */
@HttpExchange("/api/metrics")
public interface LineMetrics {

    /**
     * The line now: this hour, this shift and the last 24 hours against plan, and per station and operation.
     *
     * @throws UnknownLineException when no event of the line has reached metrics (404 {@code unknown-line})
     */
    @GetExchange("/lines/{line}")
    LinePerformance line(@PathVariable("line") LineId line);
}
