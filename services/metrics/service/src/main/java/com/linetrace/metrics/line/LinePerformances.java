package com.linetrace.metrics.line;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.metrics.MetricsSettings;
import com.linetrace.metrics.andon.Andon;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.IssuedWallboard;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.LinePerformance.OperationPerformance;
import com.linetrace.metrics.api.LinePerformance.Output;
import com.linetrace.metrics.api.LinePerformance.Shift;
import com.linetrace.metrics.api.LinePerformance.StationPerformance;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.metrics.api.Wallboard;
import com.linetrace.metrics.api.WallboardRequest;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.metrics.wallboard.WallboardTokens;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-process binding of {@link LineMetrics}: a line's performance computed from the metrics schema at the moment
 * of asking, in one read-only transaction so that its numbers agree with each other.
 */
class LinePerformances implements LineMetrics {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    private final LineReads reads;
    private final ShiftCalendar calendar;
    private final MetricsSettings settings;
    private final Andon andon;
    private final WallboardTokens wallboards;
    private final Clock clock;

    LinePerformances(
            LineReads reads,
            ShiftCalendar calendar,
            MetricsSettings settings,
            Andon andon,
            WallboardTokens wallboards,
            Clock clock) {
        this.reads = reads;
        this.andon = andon;
        this.wallboards = wallboards;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public LinePerformance line(LineId lineId) {
        return performance(lineId);
    }

    /** No role: the token is the key, looked up (and refused once revoked) at every call. */
    @Override
    @Transactional(readOnly = true)
    public LinePerformance wallboard(@org.jspecify.annotations.Nullable String token) {
        return performance(LineId.parse(wallboards.lineOf(token)));
    }

    @Override
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public IssuedWallboard issueWallboard(WallboardRequest request) {
        return wallboards.issue(request, signedIn());
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<Wallboard> wallboards() {
        return wallboards.list();
    }

    @Override
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Wallboard revokeWallboard(UUID wallboard) {
        return wallboards.revoke(wallboard, signedIn());
    }

    private static String signedIn() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private LinePerformance performance(LineId lineId) {
        var line = lineId.value();
        if (!reads.known(line)) {
            throw UnknownLineException.of(lineId);
        }
        var now = clock.instant();
        var hour = calendar.startOfHour(now);
        var shift = calendar.shiftAt(now)
                .map(o -> new Shift(o.name(), o.start(), o.end()))
                .orElse(null);
        var shiftStart = shift == null ? now : shift.start();
        var shiftEnd = shift == null ? now : shift.end();
        var since = now.minus(DAY);
        var firstHour = hour.minus(Duration.ofHours(23));
        var plan = new Plan(reads.workOrders(line, LocalDate.ofInstant(firstHour, calendar.zone())), calendar);

        var done = reads.completions(line, hour, shiftStart, shiftEnd, calendar.startOfDay(now), since);
        var thisHour = new Output(done.thisHour(), plan.planned(hour, hour.plus(HOUR)), plan.planned(hour, now));
        var thisShift = shift == null
                ? new Output(0, 0, 0)
                : new Output(done.thisShift(), plan.planned(shiftStart, shiftEnd), plan.planned(shiftStart, now));

        var perHour = reads.completedPerHour(line, firstHour);
        var last24Hours = new ArrayList<HourlyOutput>(24);
        for (int i = 0; i < 24; i++) {
            var start = firstHour.plus(HOUR.multipliedBy(i));
            last24Hours.add(
                    new HourlyOutput(start, perHour.getOrDefault(start, 0), plan.planned(start, start.plus(HOUR))));
        }

        var operations = reads.operations(line, since).stream()
                .map(o -> new OperationPerformance(
                        o.operation(),
                        o.name(),
                        o.firstAttempts(),
                        o.firstPassed(),
                        share(o.firstPassed(), o.firstAttempts()),
                        o.p50(),
                        o.p90()))
                .toList();
        Double rolled = null;
        for (var operation : operations) {
            if (operation.firstPassYield() != null) {
                rolled = (rolled == null ? 1.0 : rolled) * operation.firstPassYield();
            }
        }

        var stations = stations(line, now, hour, shiftStart, shiftEnd, since);
        return new LinePerformance(
                line,
                now,
                calendar.zone().getId(),
                shift,
                thisHour,
                thisShift,
                done.today(),
                stations.inProgress(),
                stations.held(),
                share(done.neverFailed(), done.last24()),
                rolled,
                done.last(),
                reads.lastEventAt(line),
                stations.stations(),
                operations,
                last24Hours,
                reads.topDefects(line, since, settings.topDefects()),
                andon.open(line));
    }

    @Override
    @Transactional
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public AndonAlert acknowledge(UUID alert, AlertAcknowledgement acknowledgement) {
        return andon.acknowledge(alert, acknowledgement.comment(), signedIn());
    }

    private Stations stations(
            String line, Instant now, Instant hour, Instant shiftStart, Instant shiftEnd, Instant since) {
        var stations = reads.stations(line);
        var wip = reads.wip(line);
        var work = reads.stationWork(line, hour, shiftStart, shiftEnd, since);
        var performances = new ArrayList<StationPerformance>(stations.size());
        for (int i = 0; i < stations.size(); i++) {
            var station = stations.get(i);
            int working = wip.workingByStation().getOrDefault(station.station(), 0);
            int waiting = station.kind() == null ? 0 : wip.waitingByKind().getOrDefault(station.kind(), 0);
            var downstream = downstreamKind(stations, i);
            int waitingDownstream = downstream == null ? 0 : wip.waitingByKind().getOrDefault(downstream, 0);
            var done = work.getOrDefault(station.station(), new LineReads.StationWork(0, 0, 0, 0));
            performances.add(new StationPerformance(
                    station.station(),
                    station.kind(),
                    working,
                    waiting,
                    StationStates.of(
                            working,
                            waiting,
                            station.lastEventAt(),
                            waitingDownstream,
                            now,
                            settings.stallAfter(),
                            settings.blockedQueue()),
                    done.thisHour(),
                    done.thisShift(),
                    share(done.firstPassed(), done.firstAttempts()),
                    station.lastEventAt()));
        }
        return new Stations(performances, wip.inProgress(), wip.held());
    }

    record Stations(List<StationPerformance> stations, int inProgress, int held) {}

    /** The kind of the next station in the flow that does other work; repair stations feed no one in the flow. */
    private static @Nullable String downstreamKind(List<LineReads.Station> stations, int index) {
        var station = stations.get(index);
        if (station.repair() || station.kind() == null) {
            return null;
        }
        for (int i = index + 1; i < stations.size(); i++) {
            var next = stations.get(i);
            if (!next.repair() && next.kind() != null && !next.kind().equals(station.kind())) {
                return next.kind();
            }
        }
        return null;
    }

    private static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
