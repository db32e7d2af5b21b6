package com.linetrace.simulator;

import java.net.URI;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the line simulator in the application when {@code linetrace.simulator.enabled=true}: it starts once the
 * application is ready to serve scans and stops as the application begins to close, before the web server does.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("linetrace.simulator.enabled")
@EnableConfigurationProperties(SimulatorSettings.class)
public class SimulatorAutoConfiguration {

    @Bean
    LineSimulatorLifecycle lineSimulatorLifecycle(
            SimulatorSettings settings, ObjectProvider<DemoProvisioningKeys> demoProvisioningKeys) {
        return new LineSimulatorLifecycle(settings, demoProvisioningKeys.getIfAvailable());
    }

    static final class LineSimulatorLifecycle {

        private final SimulatorSettings settings;
        private final @Nullable DemoProvisioningKeys keys;
        private volatile @Nullable LineSimulator simulator;

        LineSimulatorLifecycle(SimulatorSettings settings, @Nullable DemoProvisioningKeys keys) {
            this.settings = settings;
            this.keys = keys;
        }

        @EventListener
        void on(ApplicationReadyEvent event) {
            var base = settings.baseUrl();
            if (base == null) {
                // The port the web server listens on, also when server.port is 0 (a random port).
                var environment = event.getApplicationContext().getEnvironment();
                int port = environment.getProperty(
                        "local.server.port",
                        Integer.class,
                        environment.getProperty("server.port", Integer.class, 8080));
                base = URI.create("http://localhost:" + port);
            }
            var seed = settings.seed() != null ? settings.seed() : new Random().nextLong();
            var started = new LineSimulator(settings, base, seed, keys);
            simulator = started;
            started.start();
        }

        @EventListener
        void on(ContextClosedEvent event) {
            var running = simulator;
            if (running != null) {
                running.stop();
            }
        }
    }
}
