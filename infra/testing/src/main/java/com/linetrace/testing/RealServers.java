package com.linetrace.testing;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server and Kafka broker of a test JVM, started on first use and shared by every test class.
 * Where a Docker engine runs they are Testcontainers; where none does (our machines and CI), the same servers
 * run embedded. Either way the tests talk to real servers.
 */
public record RealServers(String jdbcUrl, String username, String password, String bootstrapServers) {

    private static final Logger log = LoggerFactory.getLogger(RealServers.class);

    private static volatile RealServers instance;

    public static synchronized RealServers get() {
        if (instance == null) {
            instance = DockerClientFactory.instance().isDockerAvailable() ? containers() : embedded();
        }
        return instance;
    }

    private static RealServers containers() {
        log.info("Docker is available: starting PostgreSQL and Kafka in Testcontainers");
        var postgres = new PostgreSQLContainer("postgres:17-alpine");
        var kafka = new KafkaContainer("apache/kafka:4.2.1");
        postgres.start();
        kafka.start();
        return new RealServers(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers());
    }

    private static RealServers embedded() {
        // Throw-away servers with fast settings (PostgreSQL's fsync off): nothing a test writes must survive a crash.
        log.info("No Docker engine: starting throw-away embedded PostgreSQL (fsync off) and KRaft Kafka");
        var postgres = EmbeddedPostgresServer.throwaway();
        var kafka = EmbeddedKafkaServer.throwaway();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }));
        return new RealServers(postgres.jdbcUrl(), postgres.username(), postgres.password(), kafka.bootstrapServers());
    }

    /** Points a Spring context at the real servers through the usual Spring properties. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password,
                "spring.kafka.bootstrap-servers", bootstrapServers);
    }

    /** Adds the real servers' addresses to a test's Spring environment. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("linetrace-real-servers", get().springProperties()));
        }
    }
}
