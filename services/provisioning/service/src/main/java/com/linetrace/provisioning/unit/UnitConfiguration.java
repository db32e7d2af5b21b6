package com.linetrace.provisioning.unit;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where each unit is, and the listener of tracking's unit events that keeps it. */
@Configuration(proxyBeanMethods = false)
@Import({UnitLocations.class, UnitEventListener.class})
public class UnitConfiguration {}
