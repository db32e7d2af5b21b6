package com.linetrace.tracking.station;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Work at a station: the scan transaction, the write and read sides, and their api binding. */
@Configuration(proxyBeanMethods = false)
@Import({ScanRepository.class, ScanTransaction.class, StationWork.class, StationReads.class, StationController.class})
public class StationConfiguration {}
