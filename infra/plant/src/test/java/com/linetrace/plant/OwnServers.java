package com.linetrace.plant;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo plant on servers of a test's own, for tests that stop a server under it or must not share consumer groups
 * with the other test classes' plants still open in the JVM.
 */
final class OwnServers {

    private OwnServers() {}

    /** The plant on {@code postgres} and {@code kafka}, on a free port, with {@code settings} added. */
    static ConfigurableApplicationContext plant(
            EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--linetrace.plant.open-browser=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(Plant.class).run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext plant) {
        return ((WebServerApplicationContext) plant).getWebServer().getPort();
    }
}
