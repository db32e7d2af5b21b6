package com.linetrace.plant;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the servers the configuration does not name, once the environment (arguments, environment variables,
 * application properties) is known and before any bean connects, and points Spring at them.
 */
final class EmbeddedServers implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var properties = new HashMap<String, Object>();
        if (!environment.containsProperty("spring.datasource.url")) {
            var dataDir = dataDirectory(environment).resolve("postgres");
            log.info("No spring.datasource.url: starting embedded PostgreSQL with its data in {}", dataDir);
            var postgres = EmbeddedPostgresServer.start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
        }
        if (!environment.containsProperty("spring.kafka.bootstrap-servers")) {
            log.info("No spring.kafka.bootstrap-servers: starting an embedded Kafka broker");
            var kafka = EmbeddedKafkaServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("linetrace-embedded-servers", properties));
        }
    }

    private static Path dataDirectory(ConfigurableEnvironment environment) {
        var configured = environment.getProperty("linetrace.data-dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".linetrace");
    }
}
