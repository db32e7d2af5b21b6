package com.linetrace.ui.station;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.ui.live.LiveLineEvents;
import com.linetrace.ui.live.LiveUnitEvents;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Metrics as the terminal's andon sees it: the line's open alerts, and no live event unless the test sends one. */
final class FakeLineMetrics implements LineMetrics, LiveUnitEvents, LiveLineEvents {

    volatile List<AndonAlert> alerts = List.of();
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public LinePerformance line(LineId line) {
        asked.add(line.value());
        var output = new LinePerformance.Output(0, 0, 0);
        return new LinePerformance(
                line.value(),
                Instant.now(),
                "America/Los_Angeles",
                null,
                output,
                output,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                alerts.stream().filter(a -> a.line().equals(line.value())).toList());
    }

    @Override
    public AndonAlert acknowledge(UUID alert, AlertAcknowledgement acknowledgement) {
        throw new UnsupportedOperationException();
    }

    @Override
    public com.linetrace.metrics.api.IssuedWallboard issueWallboard(
            com.linetrace.metrics.api.WallboardRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<com.linetrace.metrics.api.Wallboard> wallboards() {
        throw new UnsupportedOperationException();
    }

    @Override
    public com.linetrace.metrics.api.Wallboard revokeWallboard(UUID wallboard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LinePerformance wallboard(@org.jspecify.annotations.Nullable String token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration subscribe(Consumer<EventEnvelope<UnitEvent>> listener) {
        return () -> {};
    }

    @Override
    public Registration subscribeToLines(Consumer<LineEventEnvelope> listener) {
        return () -> {};
    }
}
