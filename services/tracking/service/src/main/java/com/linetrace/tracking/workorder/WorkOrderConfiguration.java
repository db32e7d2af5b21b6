package com.linetrace.tracking.workorder;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Work orders and their serials, and their api binding. */
@Configuration(proxyBeanMethods = false)
@Import({WorkOrders.class, WorkOrderController.class})
public class WorkOrderConfiguration {}
