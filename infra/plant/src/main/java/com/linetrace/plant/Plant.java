package com.linetrace.plant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the whole plant in one JVM: every service and the UI, each brought in by its auto-configuration. When
 * {@code spring.datasource.url} or {@code spring.kafka.bootstrap-servers} is not set, it first starts an
 * embedded PostgreSQL (data kept under {@code linetrace.data-dir}) or an embedded Kafka broker.
 */
@SpringBootApplication
public class Plant {

    public static void main(String[] args) {
        var app = new SpringApplication(Plant.class);
        app.addListeners(new EmbeddedServers());
        app.run(args);
    }
}
