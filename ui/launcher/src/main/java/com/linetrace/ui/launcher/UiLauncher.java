package com.linetrace.ui.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs the plant's screens apart from the services: the same views as in the plant, calling each service's api over
 * HTTP at {@code linetrace.ui.remote.<service>}, and reading {@code linetrace.unit-events.v1} for live updates. Its
 * jar holds the api artifacts and the clients only: no service, no database, no outbox.
 */
// No component scan: the UI's auto-configuration brings its beans, exactly as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OperationsSecurity.class)
public class UiLauncher {

    public static void main(String[] args) {
        SpringApplication.run(UiLauncher.class, args);
    }
}
