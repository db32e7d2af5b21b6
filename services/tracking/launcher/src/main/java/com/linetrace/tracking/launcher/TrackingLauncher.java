package com.linetrace.tracking.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs tracking alone, as its own process: the interlock, work orders, master data and holds, its outbox relay and listeners. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class TrackingLauncher {

    public static void main(String[] args) {
        SpringApplication.run(TrackingLauncher.class, args);
    }
}
