package com.linetrace.deadletter.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs deadletter alone, as its own process: the dead letters of every topic, for a person to replay or discard. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class DeadLetterLauncher {

    public static void main(String[] args) {
        SpringApplication.run(DeadLetterLauncher.class, args);
    }
}
