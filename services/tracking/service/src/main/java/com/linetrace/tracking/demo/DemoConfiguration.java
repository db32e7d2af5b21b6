package com.linetrace.tracking.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The demo plant's master data and first work order, only when {@code linetrace.tracking.demo-data=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("linetrace.tracking.demo-data")
@Import(DemoPlant.class)
public class DemoConfiguration {}
