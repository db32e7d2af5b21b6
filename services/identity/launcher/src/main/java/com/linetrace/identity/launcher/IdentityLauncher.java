package com.linetrace.identity.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Runs identity alone, as its own process: users, roles and equipment credentials, and the sign-in other processes rely on. */
// No component scan: the service's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class IdentityLauncher {

    public static void main(String[] args) {
        SpringApplication.run(IdentityLauncher.class, args);
    }
}
