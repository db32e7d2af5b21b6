package com.linetrace.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Each outbox's backlog and its set-aside events as gauges ({@code linetrace.outbox.backlog},
 * {@code linetrace.outbox.set-aside}, tagged with the schema). Alert on set-aside above zero: those events never
 * reached Kafka and need a person.
 */
final class OutboxMetrics implements MeterBinder {

    private final List<OutboxRelay> relays;

    OutboxMetrics(List<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var relay : relays) {
            Gauge.builder("linetrace.outbox.backlog", relay, r -> r.backlog())
                    .tag("schema", relay.schema())
                    .description("Events written to the outbox and not yet acknowledged by Kafka")
                    .register(registry);
            Gauge.builder("linetrace.outbox.set-aside", relay, r -> r.setAside())
                    .tag("schema", relay.schema())
                    .description("Events Kafka refused for good, set aside by the relay; each needs a person")
                    .register(registry);
        }
    }
}
