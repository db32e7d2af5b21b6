package com.linetrace.plant;

import com.linetrace.embedded.DataDirectoryLock;
import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the servers the configuration does not name, once the environment (arguments, environment variables,
 * application properties) is known and before any bean connects, and points Spring at them. Both keep their data
 * under {@code linetrace.data-dir}; a second plant on the same directory is refused while the first one lives. Both
 * accept only the plant: their passwords are made at first start and kept owner-only in the data directory's
 * {@code credentials/}, and reach Spring's datasource and Kafka clients here, never a log.
 */
final class EmbeddedServers implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        boolean needsPostgres = !environment.containsProperty("spring.datasource.url");
        boolean needsKafka = !environment.containsProperty("spring.kafka.bootstrap-servers");
        if (!needsPostgres && !needsKafka) {
            return;
        }
        var dataDir = dataDirectory(environment);
        // Held until the process ends: it is how the next start tells servers of a dead plant from a live one's.
        var lock = DataDirectoryLock.acquire(dataDir);
        var properties = new HashMap<String, Object>();
        EmbeddedPostgresServer postgres = null;
        EmbeddedKafkaServer kafka = null;
        try {
            if (needsPostgres) {
                log.info(
                        "No spring.datasource.url: starting embedded PostgreSQL with its data in {}",
                        dataDir.resolve("postgres"));
                postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", postgres.username());
                properties.put("spring.datasource.password", postgres.password());
            }
            if (needsKafka) {
                log.info(
                        "No spring.kafka.bootstrap-servers: starting embedded Kafka with its data in {}",
                        dataDir.resolve("kafka"));
                kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"));
                properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
                // Every client the plant builds (Boot's, messaging's, the dead-letter desk's, the UI's) starts from
                // spring.kafka.properties, so each signs in with the broker's password.
                properties.putAll(kafka.springProperties());
            }
        } catch (RuntimeException e) {
            stop(kafka, postgres, lock);
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("linetrace-embedded-servers", properties));
        // Boot runs its shutdown handlers after the application context has closed: the servers outlive the
        // listeners, relays and requests that still use them while the plant shuts down.
        var startedKafka = kafka;
        var startedPostgres = postgres;
        SpringApplication.getShutdownHandlers().add(() -> stop(startedKafka, startedPostgres, lock));
    }

    private static void stop(
            @Nullable EmbeddedKafkaServer kafka, @Nullable EmbeddedPostgresServer postgres, DataDirectoryLock lock) {
        try {
            if (kafka != null) {
                log.info("Stopping embedded Kafka");
                kafka.close();
            }
        } finally {
            try {
                if (postgres != null) {
                    log.info("Stopping embedded PostgreSQL");
                    postgres.close();
                }
            } finally {
                lock.close();
            }
        }
    }

    private static Path dataDirectory(ConfigurableEnvironment environment) {
        var configured = environment.getProperty("linetrace.data-dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".linetrace");
    }
}
