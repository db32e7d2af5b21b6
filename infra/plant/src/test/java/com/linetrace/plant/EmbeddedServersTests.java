package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedServersTests {

    @Test
    void startsNothingWhenRealServersAreConfigured() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "given",
                        Map.of(
                                "spring.datasource.url", "jdbc:postgresql://db.plant.local:5432/linetrace",
                                "spring.kafka.bootstrap-servers", "kafka-1.plant.local:9092")));
        new EmbeddedServers()
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(), new SpringApplication(Plant.class), new String[0], environment));

        assertThat(environment.getPropertySources().contains("linetrace-embedded-servers"))
                .isFalse();
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.plant.local:5432/linetrace");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka-1.plant.local:9092");
    }
}
