package com.linetrace.tracking.hold;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Holds, releases, scrap and lot quarantine, their api binding, and the listener that holds units by provisioning's verdicts. */
@Configuration(proxyBeanMethods = false)
@Import({HoldController.class, Holds.class, Statuses.class, ProvisioningEventListener.class})
public class HoldConfiguration {}
