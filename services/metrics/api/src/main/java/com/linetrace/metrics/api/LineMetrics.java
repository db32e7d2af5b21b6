package com.linetrace.metrics.api;

import com.linetrace.contracts.LineId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /** The header a wallboard sends its token in (never in a URL a proxy logs). */
    String WALLBOARD_TOKEN = "X-Wallboard-Token";

    /**
     * Issues a wallboard of a line (ADMIN): its token is in the answer and nowhere else, metrics keeps its hash.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link MetricsProblem#INVALID_WALLBOARD} (400)
     */
    @PostExchange(url = "/wallboards", contentType = "application/json")
    IssuedWallboard issueWallboard(@RequestBody WallboardRequest request);

    /** Every wallboard issued, newest first, revoked ones too (ADMIN); no token. */
    @GetExchange("/wallboards")
    List<Wallboard> wallboards();

    /**
     * Revokes a wallboard (ADMIN): its token is refused from the next request on. Revoking it again changes nothing.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link MetricsProblem#UNKNOWN_WALLBOARD} (404)
     */
    @PostExchange("/wallboards/{id}/revocation")
    Wallboard revokeWallboard(@PathVariable("id") UUID wallboard);

    /**
     * The line a wallboard token opens, now: no person's sign-in, the token is the key (checked at every call).
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link MetricsProblem#WALLBOARD_TOKEN_REFUSED} (401)
     */
    @GetExchange("/wallboard")
    LinePerformance wallboard(@RequestHeader(value = WALLBOARD_TOKEN, required = false) @Nullable String token);
}
