package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.EventCodec;
import java.util.Map;

/** What provisioning decided about a unit. The body of an event on {@code linetrace.provisioning-events.v1}. */
public sealed interface ProvisioningEvent
        permits FirmwareVerified, FirmwareRejected, KeyInjectionVerified, KeyInjectionRejected, FirmwareReleaseRevoked {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends ProvisioningEvent>> TYPES = Map.of(
            "FirmwareVerified", FirmwareVerified.class,
            "FirmwareRejected", FirmwareRejected.class,
            "KeyInjectionVerified", KeyInjectionVerified.class,
            "KeyInjectionRejected", KeyInjectionRejected.class,
            "FirmwareReleaseRevoked", FirmwareReleaseRevoked.class);

    EventCodec<ProvisioningEvent> CODEC = new EventCodec<>(TYPES);
}
