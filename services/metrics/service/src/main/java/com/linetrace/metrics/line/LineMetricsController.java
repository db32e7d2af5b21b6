package com.linetrace.metrics.line;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.IssuedWallboard;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.Wallboard;
import com.linetrace.metrics.api.WallboardRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link LineMetrics} over HTTP: the mappings are the interface's own {@code @HttpExchange}s, so the server and its
 * remote clients cannot disagree on a path. The roles named here are checked before the body is read, and again by the service; its refusals are answered by the
 * API's problem handling with their own status and type.
 */
@RestController
class LineMetricsController implements LineMetrics {

    private final LineMetrics performances;

    LineMetricsController(LineMetrics performances) {
        this.performances = performances;
    }

    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public LinePerformance line(LineId line) {
        return performances.line(line);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Override
    public AndonAlert acknowledge(UUID alert, AlertAcknowledgement acknowledgement) {
        return performances.acknowledge(alert, acknowledgement);
    }

    @RolesAllowed(Roles.ADMIN)
    @Override
    public IssuedWallboard issueWallboard(WallboardRequest request) {
        return performances.issueWallboard(request);
    }

    @RolesAllowed(Roles.ADMIN)
    @Override
    public List<Wallboard> wallboards() {
        return performances.wallboards();
    }

    @RolesAllowed(Roles.ADMIN)
    @Override
    public Wallboard revokeWallboard(UUID wallboard) {
        return performances.revokeWallboard(wallboard);
    }

    @PermitAll
    @Override
    public LinePerformance wallboard(@org.jspecify.annotations.Nullable String token) {
        return performances.wallboard(token);
    }
}
