package com.linetrace.trace.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs trace alone, as its own process: the history of each serial, built from the unit events. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class TraceLauncher {

    public static void main(String[] args) {
        SpringApplication.run(TraceLauncher.class, args);
    }
}
