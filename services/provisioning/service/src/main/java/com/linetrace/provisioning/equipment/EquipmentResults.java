package com.linetrace.provisioning.equipment;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.provisioning.firmware.FlashVerdict;
import com.linetrace.provisioning.firmware.FlashVerification;
import com.linetrace.provisioning.keyinjection.KeyInjectionVerdict;
import com.linetrace.provisioning.keyinjection.KeyInjectionVerification;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path of an equipment result, whichever way it came: applied once per event id (inbox), verified,
 * recorded and answered with an event through the outbox, all in one transaction.
 */
@Service
class EquipmentResults {

    static final String CONSUMER = "provisioning-equipment-results";

    private final Inbox inbox;
    private final FlashVerification flashes;
    private final KeyInjectionVerification keyInjections;

    EquipmentResults(
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            FlashVerification flashes,
            KeyInjectionVerification keyInjections) {
        this.inbox = messaging.inbox();
        this.flashes = flashes;
        this.keyInjections = keyInjections;
    }

    /** Applies a result unless its event id was applied before. */
    @Transactional
    void accept(EventEnvelope<EquipmentResult> event) {
        refusePrivateKeys(event);
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        switch (event.body()) {
            case FlashReported flash -> flashes.verify(narrow(event, flash));
            case KeyInjectionReported keyInjection -> keyInjections.verify(narrow(event, keyInjection));
        }
    }

    /** A flash reported through the REST adapter: the same checks, answered at once. */
    @Transactional
    FlashVerdict flash(EventEnvelope<FlashReported> event) {
        refusePrivateKeys(event);
        inbox.firstDelivery(CONSUMER, event.eventId());
        return flashes.verify(event);
    }

    /** A key injection reported through the REST adapter: the same checks, answered at once. */
    @Transactional
    KeyInjectionVerdict keyInjection(EventEnvelope<KeyInjectionReported> event) {
        refusePrivateKeys(event);
        inbox.firstDelivery(CONSUMER, event.eventId());
        return keyInjections.verify(event);
    }

    /**
     * Entry points check raw bytes first; this checks the decoded fields, whatever charset or escapes the raw bytes
     * used, and guards a caller that builds the event inside the JVM.
     */
    private static void refusePrivateKeys(EventEnvelope<? extends EquipmentResult> event) {
        PrivateKeyDetector.refuseIfPresent(EquipmentResult.CODEC.encode(event));
    }

    private static <T extends EquipmentResult> EventEnvelope<T> narrow(EventEnvelope<EquipmentResult> event, T body) {
        return new EventEnvelope<>(
                event.eventId(),
                event.schemaVersion(),
                event.occurredAt(),
                event.plant(),
                event.line(),
                event.station(),
                event.serial(),
                event.actor(),
                body);
    }
}
