package com.linetrace.provisioning.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs provisioning alone, as its own process: firmware releases and the verification of flashes and key injections, its outbox relay and listeners. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProvisioningLauncher {

    public static void main(String[] args) {
        SpringApplication.run(ProvisioningLauncher.class, args);
    }
}
