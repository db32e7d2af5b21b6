package com.linetrace.metrics.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs metrics alone, as its own process: how each line performs, from the unit and line events. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class MetricsLauncher {

    public static void main(String[] args) {
        SpringApplication.run(MetricsLauncher.class, args);
    }
}
