package com.linetrace.audit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Audit alone on real servers, for its integration tests. */
// No component scan of its own: the module's auto-configuration brings its beans, as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuditTestApplication {}
