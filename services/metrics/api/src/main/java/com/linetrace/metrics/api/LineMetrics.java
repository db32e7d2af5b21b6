package com.linetrace.metrics.api;

import com.linetrace.contracts.LineId;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

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

    /**
     * Acknowledges an open or cleared andon alert with a comment, as the signed-in supervisor (SUPERVISOR, ADMIN), and
     * tells the line ({@code AndonAcknowledged}).
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link MetricsProblem#UNKNOWN_ALERT} (404),
     *     {@link MetricsProblem#ALERT_ACKNOWLEDGED} (409), {@link MetricsProblem#INVALID_ACKNOWLEDGEMENT} (400)
     */
    @PostExchange(url = "/alerts/{id}/acknowledgement", contentType = "application/json")
    AndonAlert acknowledge(@PathVariable("id") UUID alert, @RequestBody AlertAcknowledgement acknowledgement);
}
