package com.linetrace.ui;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The UI with the services it calls (tracking and trace, through their auto-configuration) on real PostgreSQL
 * and Kafka, for integration tests. No component scan of its own, as in the plant.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class UiTestApplication {}
