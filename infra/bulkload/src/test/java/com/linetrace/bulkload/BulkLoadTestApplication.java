package com.linetrace.bulkload;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Trace alone on the test JVM's real servers, to consume a load as it would in a plant. */
// No component scan: trace's auto-configuration brings its listeners, as in the plant and its launcher.
@SpringBootConfiguration
@EnableAutoConfiguration
class BulkLoadTestApplication {}
