package com.linetrace.simulator;

import java.net.URI;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Runs the line simulator in the application when {@code linetrace.simulator.enabled=true}: it starts once the
 * application is ready to serve scans and stops as the application begins to close, before the web server does.
 * With the demo provisioning keys, its flash fixture and key station also serve units walked by hand
 * ({@link EquipmentAttendant}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("linetrace.simulator.enabled")
@EnableConfigurationProperties(SimulatorSettings.class)
public class SimulatorAutoConfiguration {

    @Bean
    LineSimulatorLifecycle lineSimulatorLifecycle(
            SimulatorSettings settings, ObjectProvider<DemoEquipment> demoEquipment) {
        return new LineSimulatorLifecycle(settings, demoEquipment.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(DemoProvisioningKeys.class)
    DemoEquipment demoEquipment(DemoProvisioningKeys keys, SimulatorSettings settings) {
        return new DemoEquipment(keys, settings);
    }

    @Bean
    @ConditionalOnBean(DemoProvisioningKeys.class)
    @ConditionalOnBooleanProperty(name = "linetrace.simulator.attend-manual-units", matchIfMissing = true)
    EquipmentAttendant equipmentAttendant(
            DemoEquipment demoEquipment, SimulatorSettings settings, LineSimulatorLifecycle simulator) {
        return new EquipmentAttendant(demoEquipment, settings, simulator::walks);
    }

    /**
     * The plant the simulator drives: {@code base-url}, or by default this application, on the port its web server
     * listens on (also when {@code server.port} is 0, a random port).
     */
    static URI plantBase(SimulatorSettings settings, Environment environment) {
        var base = settings.baseUrl();
        if (base != null) {
            return base;
        }
        int port = environment.getProperty(
                "local.server.port", Integer.class, environment.getProperty("server.port", Integer.class, 8080));
        return URI.create("http://localhost:" + port);
    }

    static final class LineSimulatorLifecycle {

        private final SimulatorSettings settings;
        private final @Nullable DemoEquipment equipment;
        private volatile @Nullable LineSimulator simulator;

        LineSimulatorLifecycle(SimulatorSettings settings, @Nullable DemoEquipment equipment) {
            this.settings = settings;
            this.equipment = equipment;
        }

        @EventListener
        void on(ApplicationReadyEvent event) {
            if (!settings.walkUnits()) {
                return;
            }
            var base = plantBase(settings, event.getApplicationContext().getEnvironment());
            var seed = settings.seed() != null ? settings.seed() : new Random().nextLong();
            var started = new LineSimulator(settings, base, seed, equipment);
            simulator = started;
            started.start();
        }

        /** Whether the simulator walks {@code serial} itself (none while it walks no units). */
        boolean walks(String serial) {
            var running = simulator;
            return running != null && running.walks(serial);
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
