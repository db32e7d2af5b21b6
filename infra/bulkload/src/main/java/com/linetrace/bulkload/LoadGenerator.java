package com.linetrace.bulkload;

import com.linetrace.contracts.EventCodec;
import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitEvent;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Makes a load's events in the order of their time, as the plant wrote them: work orders released, their units
 * interleaved down the line. Each unit's events keep their order, so they are in order on their partition (keyed by
 * serial) too. Event ids are UUIDv7 of each event's own time, from a source seeded by the load's seed.
 */
final class LoadGenerator {

    /** Where the encoded events go: Kafka, or a list in a test. */
    interface Sink {
        void send(String topic, String key, byte[] value);
    }

    /** What has been made so far. */
    record Counts(long units, long unitEvents, long provisioningEvents) {
        long events() {
            return unitEvents + provisioningEvents;
        }
    }

    private final LoadPlan plan;

    LoadGenerator(LoadPlan plan) {
        this.plan = plan;
    }

    /**
     * Sends every event of the load to {@code sink}, reporting the counts to {@code progress} every thousand events
     * and once at the end.
     */
    Counts run(Sink sink, java.util.function.Consumer<Counts> progress) {
        var clock = new long[1];
        var ids = EventIds.replayable(() -> clock[0], plan.options().seed());
        var end = plan.end();
        var active = new PriorityQueue<Cursor>(
                Comparator.comparing((Cursor c) -> c.current().at()).thenComparingInt(c -> c.unit));
        var orders = plan.workOrders();
        int nextOrder = 0;
        long units = 0;
        long unitEvents = 0;
        long provisioningEvents = 0;
        while (nextOrder < orders.size() || !active.isEmpty()) {
            // A work order's serials are issued when it is released: its units join the line then.
            while (nextOrder < orders.size()
                    && (active.isEmpty()
                            || !orders.get(nextOrder)
                                    .releasedAt()
                                    .isAfter(active.peek().current().at()))) {
                var order = orders.get(nextOrder++);
                for (int unit = order.firstUnit(); unit < order.firstUnit() + order.size(); unit++) {
                    active.add(new Cursor(unit, plan.serial(unit), UnitLife.of(plan, unit, order)));
                }
            }
            var cursor = active.poll();
            var event = cursor.current();
            if (event.at().isAfter(end)) {
                units++;
                continue;
            }
            clock[0] = event.at().toEpochMilli();
            var id = ids.nextId();
            var key = cursor.serial.value();
            if (event.body() instanceof UnitEvent body) {
                sink.send(Topics.UNIT_EVENTS, key, encode(UnitEvent.CODEC, UnitEvent.SCHEMA_VERSION, id, cursor, body));
                unitEvents++;
            } else {
                var body = (ProvisioningEvent) event.body();
                sink.send(
                        Topics.PROVISIONING_EVENTS,
                        key,
                        encode(ProvisioningEvent.CODEC, ProvisioningEvent.SCHEMA_VERSION, id, cursor, body));
                provisioningEvents++;
            }
            if (cursor.advance()) {
                active.add(cursor);
            } else {
                units++;
            }
            if ((unitEvents + provisioningEvents) % 1000 == 0) {
                progress.accept(new Counts(units, unitEvents, provisioningEvents));
            }
        }
        var counts = new Counts(units, unitEvents, provisioningEvents);
        progress.accept(counts);
        return counts;
    }

    /** The cursor's current event in its envelope, as its producer would have written it. */
    private static <E> byte[] encode(EventCodec<E> codec, int schemaVersion, UUID id, Cursor cursor, E body) {
        var event = cursor.current();
        return codec.encode(new EventEnvelope<>(
                id,
                schemaVersion,
                event.at(),
                Route.PLANT,
                Route.LINE,
                event.station(),
                cursor.serial,
                event.actor(),
                body));
    }

    private static final class Cursor {
        final int unit;
        final Serial serial;
        final List<UnitLife.Event> events;
        int next;

        Cursor(int unit, Serial serial, List<UnitLife.Event> events) {
            this.unit = unit;
            this.serial = serial;
            this.events = events;
        }

        UnitLife.Event current() {
            return events.get(next);
        }

        boolean advance() {
            return ++next < events.size();
        }
    }
}
