package com.linetrace.tracking.hold;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.tracking.unit.ProvisioningStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking's side of provisioning: each verdict updates what pack-out may rely on, and a revoked firmware or a
 * duplicate device key puts the unit on hold. Each event is applied once (inbox), in one transaction.
 */
@Component
class ProvisioningEventListener {

    static final String CONSUMER = "tracking-provisioning-events";
    private static final String ACTOR = "provisioning";

    private final Inbox inbox;
    private final ProvisioningStatus status;
    private final Holds holds;
    private final TransactionTemplate transactions;

    ProvisioningEventListener(
            @Qualifier("trackingInbox") Inbox inbox,
            ProvisioningStatus status,
            Holds holds,
            TransactionTemplate transactions) {
        this.inbox = inbox;
        this.status = status;
        this.holds = holds;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "tracking-provisioning-events",
            topics = Topics.PROVISIONING_EVENTS,
            groupId = "linetrace-tracking",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = ProvisioningEvent.CODEC.decode(record.value());
        var serial = event.serial();
        var at = event.occurredAt();
        transactions.executeWithoutResult(tx -> {
            if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
                return;
            }
            switch (event.body()) {
                case FirmwareVerified e -> {
                    // A release of another model does not make this unit's module verified, whatever said so.
                    var model = status.modelOf(serial);
                    if (model.isPresent() && model.get().equals(e.model())) {
                        status.record(
                                serial,
                                firmware(e.module().name()),
                                true,
                                e.module() + " " + e.version() + " verified",
                                at);
                    } else {
                        status.record(
                                serial,
                                firmware(e.module().name()),
                                false,
                                e.module() + " " + e.version() + " is a release of " + e.model() + ", not of the unit's"
                                        + " model " + model.orElse("(unknown)"),
                                at);
                    }
                }
                case FirmwareRejected e ->
                    status.record(serial, firmware(e.module().name()), false, e.reason(), at);
                case KeyInjectionVerified e -> status.record(serial, "KEY", true, "key " + e.fingerprint(), at);
                case KeyInjectionRejected e -> {
                    status.record(serial, "KEY", false, e.reason(), at);
                    if (e.code() == KeyInjectionRejected.Code.DUPLICATE_KEY) {
                        holds.holdOne(serial, "duplicate device key: " + e.reason(), ACTOR);
                    }
                }
                case FirmwareReleaseRevoked e -> {
                    status.record(
                            serial,
                            firmware(e.module().name()),
                            false,
                            e.module() + " " + e.version() + " revoked: " + e.reason(),
                            at);
                    holds.holdOne(
                            serial, "firmware " + e.module() + " " + e.version() + " revoked: " + e.reason(), ACTOR);
                }
            }
        });
    }

    private static String firmware(String module) {
        return "FIRMWARE:" + module;
    }
}
