package com.linetrace.tracking.unit;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Records a unit's events in the outbox, in the transaction of the change they describe. */
@Component
public class UnitEvents {

    private final Outbox outbox;
    private final TrackingSettings settings;

    UnitEvents(@Qualifier("trackingOutbox") Outbox outbox, TrackingSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    public void publish(
            Serial serial, String lineId, @Nullable String stationId, String actor, Instant at, UnitEvent event) {
        outbox.append(
                Topics.UNIT_EVENTS,
                UnitEvent.CODEC,
                new EventEnvelope<>(
                        EventIds.next(),
                        UnitEvent.SCHEMA_VERSION,
                        at,
                        settings.plant(),
                        lineId,
                        stationId,
                        serial,
                        actor,
                        event));
    }
}
