package com.linetrace.tracking.unit;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.web.ClientOrigin;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Records a unit's events in the outbox, in the transaction of the change they describe. An event away from a station
 * (a hold, a release, a scrap, a work order's release) carries the client's address as its origin, so the ledger says
 * where a person acted from; at a station the station says it.
 */
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
                        stationId == null ? ClientOrigin.current() : null,
                        event));
    }
}
