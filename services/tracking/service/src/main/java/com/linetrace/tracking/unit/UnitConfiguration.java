package com.linetrace.tracking.unit;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Units on their routes: their rows, their events through the outbox, and what provisioning verified for each. */
@Configuration(proxyBeanMethods = false)
@Import({UnitRepository.class, UnitEvents.class, ProvisioningStatus.class})
public class UnitConfiguration {}
