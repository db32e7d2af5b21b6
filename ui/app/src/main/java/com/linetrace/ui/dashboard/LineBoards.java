package com.linetrace.ui.dashboard;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.line.AndonAcknowledged;
import com.linetrace.contracts.line.AndonCleared;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.live.LiveLineEvents;
import com.linetrace.ui.live.LiveUnitEvents;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * One computation of each watched line per JVM, shared by every open dashboard: a line's performance is asked of
 * metrics once after its unit events (a burst of them coalesced) and every {@code linetrace.ui.dashboard-refresh}
 * (states and stalls change with time alone), then handed to each dashboard watching it. Nothing is asked per session
 * or per event of a session. Metrics applies an event after this UI hears it, so an answer older than the latest event
 * is asked again shortly.
 *
 * <p>The line's numbers are the plant's, not a person's: the board asks as one of the people watching it (the first
 * whose sign-in metrics accepts), with their current token, in-process as over HTTP.
 */
@Component
public class LineBoards implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LineBoards.class);

    /** Events of a burst (a check-out is three or four) come within this; one computation follows them. */
    static final Duration COALESCE = Duration.ofMillis(300);

    /** How often an answer that has not caught up with the latest event is asked again, and how many times. */
    static final Duration CATCH_UP = Duration.ofMillis(500);

    static final int CATCH_UP_TRIES = 10;

    private final LineMetrics metrics;
    private final Duration refresh;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ui-line-boards").daemon().factory());
    private final Map<String, Board> boards = new HashMap<>();
    private final Registration events;
    private final Registration lineEvents;

    public LineBoards(LineMetrics metrics, LiveUnitEvents live, LiveLineEvents lines, UiSettings settings) {
        this.metrics = metrics;
        this.refresh = settings.dashboardRefresh();
        this.events = live.subscribe(event -> changed(event.line(), event.occurredAt()));
        // An andon alert raised, acknowledged or cleared: every board of the line shows it at once.
        this.lineEvents = lines.subscribeToLines(event -> {
            if (event.body() instanceof AndonRaised
                    || event.body() instanceof AndonAcknowledged
                    || event.body() instanceof AndonCleared) {
                refresh(event.line());
            }
        });
    }

    /** Asks the line's performance again now (after an alert changed), if anyone watches it. */
    public void refresh(String line) {
        Board board;
        synchronized (boards) {
            board = boards.get(line);
        }
        if (board != null) {
            board.askSoon(Duration.ZERO, 0);
        }
    }

    /**
     * Watches a line: {@code listener} gets the line's performance now (if the board has one) and after every
     * computation, on the board's thread; {@code viewer} is the watcher's current security context.
     */
    public Registration watch(String line, Supplier<SecurityContext> viewer, Consumer<Snapshot> listener) {
        var watcher = new Watcher(viewer, listener);
        Board board;
        synchronized (boards) {
            board = boards.computeIfAbsent(line, Board::new);
            board.watchers.add(watcher);
        }
        var latest = board.latest;
        if (latest != null) {
            scheduler.execute(() -> listener.accept(latest));
        } else {
            board.askSoon(Duration.ZERO, 0);
        }
        return () -> {
            synchronized (boards) {
                board.watchers.remove(watcher);
                if (board.watchers.isEmpty()) {
                    board.stop();
                    boards.remove(line);
                }
            }
        };
    }

    /**
     * What a watched line shows: its performance (none when metrics has no event of the line yet), and why it is not
     * a fresh one when metrics could not be asked (the last performance it gave is kept).
     */
    public record Snapshot(
            String line,
            @Nullable LinePerformance performance,
            @Nullable String problem) {}

    private void changed(String line, Instant eventAt) {
        Board board;
        synchronized (boards) {
            board = boards.get(line);
        }
        if (board != null) {
            board.eventAt(eventAt);
            board.askSoon(COALESCE, 0);
        }
    }

    /**
     * The security context of the person opening a view, as it will be when the board asks: the session's (renewed
     * with the person's token), or what it was when the view opened where there is no HTTP session to look in; none
     * once the session has ended. Called in the view's request.
     */
    public static Supplier<SecurityContext> viewer() {
        var opened = SecurityContextHolder.createEmptyContext();
        opened.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        var session = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getSession();
        return () -> {
            if (session == null) {
                return opened;
            }
            try {
                return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext current
                        ? current
                        : opened;
            } catch (IllegalStateException ended) {
                return SecurityContextHolder.createEmptyContext();
            }
        };
    }

    int computations(String line) {
        synchronized (boards) {
            var board = boards.get(line);
            return board == null ? 0 : board.computations;
        }
    }

    @Override
    public void destroy() {
        events.remove();
        lineEvents.remove();
        scheduler.shutdownNow();
    }

    private record Watcher(Supplier<SecurityContext> viewer, Consumer<Snapshot> listener) {}

    private final class Board {

        final String line;
        final List<Watcher> watchers = new CopyOnWriteArrayList<>();
        volatile @Nullable Snapshot latest;
        private @Nullable ScheduledFuture<?> pending;
        private final ScheduledFuture<?> ticking;
        private @Nullable Instant latestEvent;
        int computations;

        Board(String line) {
            this.line = line;
            this.ticking = scheduler.scheduleWithFixedDelay(
                    () -> askSoon(Duration.ZERO, 0), refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void eventAt(Instant at) {
            if (latestEvent == null || at.isAfter(latestEvent)) {
                latestEvent = at;
            }
        }

        /** Asks metrics after {@code delay}, unless a computation is already due: one per burst. */
        synchronized void askSoon(Duration delay, int tries) {
            if (pending != null && !pending.isDone()) {
                return;
            }
            try {
                pending = scheduler.schedule(() -> compute(tries), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The UI is shutting down.
            }
        }

        synchronized void stop() {
            ticking.cancel(false);
            if (pending != null) {
                pending.cancel(false);
            }
        }

        private void compute(int tries) {
            synchronized (this) {
                // Events from now on ask again: this answer may not hold them.
                pending = null;
            }
            var snapshot = ask();
            if (snapshot == null) {
                return;
            }
            synchronized (this) {
                computations++;
            }
            latest = snapshot;
            for (var watcher : watchers) {
                try {
                    watcher.listener().accept(snapshot);
                } catch (RuntimeException e) {
                    log.warn("A dashboard failed to take the performance of line {}", line, e);
                }
            }
            var performance = snapshot.performance();
            Instant event;
            synchronized (this) {
                event = latestEvent;
            }
            // PostgreSQL keeps microseconds: an event's time comes back without its nanoseconds.
            boolean behind = event != null
                    && (performance == null
                            || performance.lastEventAt() == null
                            || performance.lastEventAt().isBefore(event.truncatedTo(ChronoUnit.MICROS)));
            if (behind && tries < CATCH_UP_TRIES) {
                askSoon(CATCH_UP, tries + 1);
            }
        }

        private Snapshot stale(@Nullable String problem) {
            var last = latest;
            return new Snapshot(line, last == null ? null : last.performance(), problem);
        }

        /** The line's performance, asked as the first watcher metrics accepts; null when none could ask. */
        private @Nullable Snapshot ask() {
            var previous = SecurityContextHolder.getContext();
            try {
                for (var watcher : new ArrayList<>(watchers)) {
                    SecurityContextHolder.setContext(watcher.viewer().get());
                    try {
                        return new Snapshot(line, metrics.line(LineId.parse(line)), null);
                    } catch (UnknownLineException e) {
                        return new Snapshot(line, null, null);
                    } catch (AccessDeniedException | AuthenticationException e) {
                        // This watcher's sign-in does not do (ended, or a role metrics refuses): try the next one.
                    }
                }
                return null;
            } catch (ServiceUnreachableException e) {
                log.warn("Could not compute the performance of line {}: {}", line, e.getMessage());
                return stale(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Could not compute the performance of line {}", line, e);
                return stale("The line's numbers could not be computed just now; they are the last ones shown.");
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
    }
}
