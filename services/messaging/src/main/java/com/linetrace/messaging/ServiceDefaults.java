package com.linetrace.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * What every LineTrace service process shares — the plant and each launcher: actuator, Kafka client and pool settings
 * ({@code linetrace-service.properties}). Added as the weakest property source, before logging starts, so any
 * application property, environment variable or argument overrides it.
 */
public final class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "linetrace-service.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(RESOURCE, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
