package com.linetrace.ui.live;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Hands each event to every subscribed view, in the order received, on one thread of its own: the Kafka consumer
 * only enqueues, so a slow or stuck UI never holds up the partition, and a listener that throws does not keep
 * the event from the others.
 */
@Component
class UnitEventBroadcaster implements LiveUnitEvents, LiveLineEvents, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnitEventBroadcaster.class);

    private final List<Consumer<EventEnvelope<UnitEvent>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LineEventEnvelope>> lineListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ui-live-events").daemon().factory());

    /**
     * The listener runs as the user who subscribed (the view's, on attach): what it asks a service on an event is
     * asked as that user, in-process as over HTTP, where the service needs the user's token.
     */
    @Override
    public Registration subscribe(Consumer<EventEnvelope<UnitEvent>> listener) {
        var subscriber = SecurityContextHolder.getContext();
        Consumer<EventEnvelope<UnitEvent>> asSubscriber = event -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(subscriber);
            try {
                listener.accept(event);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        };
        listeners.add(asSubscriber);
        return () -> listeners.remove(asSubscriber);
    }

    /** Queues the event for the subscribed views and returns at once. */
    void publish(EventEnvelope<UnitEvent> event) {
        if (listeners.isEmpty()) {
            return;
        }
        delivery.execute(() -> {
            for (var listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A view failed to take unit event {}", event.eventId(), e);
                }
            }
        });
    }

    /** Line events are heard by the UI's shared per-line state, not by a person's view: no user context is kept. */
    @Override
    public Registration subscribeToLines(Consumer<LineEventEnvelope> listener) {
        lineListeners.add(listener);
        return () -> lineListeners.remove(listener);
    }

    /** Queues the line event for its listeners and returns at once. */
    void publish(LineEventEnvelope event) {
        if (lineListeners.isEmpty()) {
            return;
        }
        delivery.execute(() -> {
            for (var listener : lineListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A listener failed to take line event {}", event.eventId(), e);
                }
            }
        });
    }

    int subscribers() {
        return listeners.size();
    }

    @Override
    public void destroy() {
        delivery.shutdownNow();
    }
}
