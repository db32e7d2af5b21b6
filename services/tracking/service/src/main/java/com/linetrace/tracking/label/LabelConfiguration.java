package com.linetrace.tracking.label;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** How label sheets leave tracking: handed out or to the export folder, each recorded. */
@Configuration(proxyBeanMethods = false)
@Import(LabelExports.class)
public class LabelConfiguration {}
