package com.linetrace.plant.contract;

import com.linetrace.contracts.problem.ProblemType;
import com.linetrace.testing.RealServers;
import com.linetrace.ui.remote.RemoteApis;
import com.linetrace.ui.remote.RemoteSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Objects;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Services running apart from the plant, each its own Spring application on its own random port in this JVM, on
 * the test JVM's real PostgreSQL and Kafka, started once and shared by the HTTP contract tests. The test class path
 * holds the whole plant, so each leaves out the auto-configuration of every other service and of the UI: what
 * remains is what its launcher runs.
 */
final class ServicesApart {

    private static final String[] NOT_TRACE = {
        "com.linetrace.tracking.TrackingAutoConfiguration",
        "com.linetrace.provisioning.ProvisioningAutoConfiguration",
        "com.linetrace.deadletter.DeadLetterAutoConfiguration",
        "com.linetrace.ui.UiAutoConfiguration",
        "com.linetrace.simulator.SimulatorAutoConfiguration",
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig"
    };

    private static ConfigurableApplicationContext trace;

    private ServicesApart() {}

    /** Trace apart; its port. */
    static synchronized int trace() {
        if (trace == null) {
            trace = start(TraceAlone.class, "linetrace-trace", NOT_TRACE);
        }
        return port(trace);
    }

    /** The UI's HTTP binding of {@code api}, pointed at the service on {@code port}. */
    static <T, P extends Enum<P> & ProblemType> T client(String service, int port, Class<T> api, Class<P> problems) {
        var base = URI.create("http://localhost:" + port);
        var settings = new RemoteSettings(null, null, null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new RemoteApis(settings).client(service, base, api, problems);
    }

    private static ConfigurableApplicationContext start(Class<?> application, String name, String[] excluded) {
        var properties = new HashMap<String, Object>(RealServers.get().springProperties());
        properties.put("server.port", "0");
        properties.put("spring.application.name", name);
        // Not the plant's demo profile: a service alone has none of its data.
        properties.put("spring.profiles.active", "apart");
        properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
        var context =
                new SpringApplicationBuilder(application).properties(properties).run();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
    }

    /**
     * Trace as its launcher runs it, with the API accepting the test tokens. Not a {@code @Configuration}: it would
     * sit in the plant's component scan and bring the test tokens into every plant a test starts.
     */
    @EnableAutoConfiguration
    @Import(TestTokens.Verification.class)
    static class TraceAlone {}
}
