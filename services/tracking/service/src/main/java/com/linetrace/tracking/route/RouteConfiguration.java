package com.linetrace.tracking.route;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Master data: its repository, its rules and their api binding. */
@Configuration(proxyBeanMethods = false)
@Import({MasterData.class, MasterDataService.class, MasterDataController.class})
public class RouteConfiguration {}
