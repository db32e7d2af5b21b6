package com.linetrace.metrics.andon;

import com.linetrace.contracts.Text;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.MetricsProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rest of metrics asks of the andon: a line's alerts, and a supervisor's acknowledgement. The caller checks
 * the roles and holds the transaction.
 */
public final class Andon {

    private final Alerts alerts;
    private final Clock clock;

    Andon(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The line's alerts not yet cleared, newest first. */
    public List<AndonAlert> open(String line) {
        return alerts.open(line);
    }

    /** The line's alerts open at some moment of {@code [from, to)}, oldest first. */
    public List<AndonAlert> during(String line, Instant from, Instant to) {
        return alerts.during(line, from, to);
    }

    /**
     * Acknowledges the alert as {@code by}, with the comment, and tells the line.
     *
     * @throws com.linetrace.contracts.problem.ProblemException unknown alert, acknowledged already, or no usable
     *     comment
     */
    public AndonAlert acknowledge(UUID id, @Nullable String comment, String by) {
        if (comment == null || comment.isBlank()) {
            throw MetricsProblem.INVALID_ACKNOWLEDGEMENT.exception(
                    "An acknowledgement needs a comment: what is being done about the alert");
        }
        var problem = Text.problemWith(comment, Text.REASON);
        if (problem != null) {
            throw MetricsProblem.INVALID_ACKNOWLEDGEMENT.exception("The comment " + problem);
        }
        var alert = alerts.find(id)
                .orElseThrow(() -> MetricsProblem.UNKNOWN_ALERT.exception("No andon alert has the id " + id));
        if (!alerts.acknowledge(alert, by, comment.strip(), clock.instant())) {
            var found = alerts.find(id).orElseThrow();
            throw MetricsProblem.ALERT_ACKNOWLEDGED.exception(
                    "The alert was acknowledged by " + found.acknowledgedBy() + " at " + found.acknowledgedAt());
        }
        return alerts.find(id).orElseThrow();
    }
}
