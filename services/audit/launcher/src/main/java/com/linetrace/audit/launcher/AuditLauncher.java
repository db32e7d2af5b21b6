package com.linetrace.audit.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs audit alone, as its own process: the ledger of every record of every topic, with its signed checkpoints. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuditLauncher {

    public static void main(String[] args) {
        SpringApplication.run(AuditLauncher.class, args);
    }
}
