package com.linetrace.plant.contract;

import com.linetrace.contracts.problem.ProblemType;
import com.linetrace.testing.RealServers;
import com.linetrace.ui.remote.RemoteApis;
import com.linetrace.ui.remote.RemoteSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Services running apart from the plant, each its own Spring application on its own random port in this JVM, on
 * the test JVM's real PostgreSQL and Kafka, started once and shared by the HTTP contract tests. The test class path
 * holds the whole plant, so each leaves out the auto-configuration of every other service and of the UI: what
 * remains is what its launcher runs.
 */
final class ServicesApart {

    /** Each service's auto-configuration: a service apart leaves out the others'. */
    private static final Map<String, String> SERVICES = Map.of(
            "tracking", "com.linetrace.tracking.TrackingAutoConfiguration",
            "provisioning", "com.linetrace.provisioning.ProvisioningAutoConfiguration",
            "trace", "com.linetrace.trace.TraceAutoConfiguration",
            "deadletter", "com.linetrace.deadletter.DeadLetterAutoConfiguration",
            "metrics", "com.linetrace.metrics.MetricsAutoConfiguration",
            "audit", "com.linetrace.audit.AuditAutoConfiguration");

    /**
     * What a service apart does not run: the UI (and Vaadin under it), the simulator, and identity, whose users and
     * signing key only identity's own process holds (a service apart verifies tokens with the public key alone).
     */
    private static final List<String> NOT_A_SERVICE = List.of(
            "com.linetrace.identity.IdentityAutoConfiguration",
            "com.linetrace.ui.UiAutoConfiguration",
            "com.linetrace.simulator.SimulatorAutoConfiguration",
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private static final Map<String, ConfigurableApplicationContext> RUNNING = new HashMap<>();

    private ServicesApart() {}

    /** {@code service} (tracking, provisioning, trace, deadletter, metrics) apart, started on first use; its port. */
    static synchronized int port(String service) {
        var context = RUNNING.computeIfAbsent(service, ServicesApart::start);
        return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
    }

    /** The UI's HTTP binding of {@code api}, pointed at the service on {@code port}. */
    static <T, P extends Enum<P> & ProblemType> T client(String service, Class<T> api, Class<P> problems) {
        var base = URI.create("http://localhost:" + port(service));
        var settings = new RemoteSettings(
                null, null, null, null, null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new RemoteApis(settings).client(service, base, api, problems);
    }

    private static ConfigurableApplicationContext start(String service) {
        var excluded = new ArrayList<>(NOT_A_SERVICE);
        SERVICES.forEach((name, configuration) -> {
            if (!name.equals(service)) {
                excluded.add(configuration);
            }
        });
        var properties = new HashMap<String, Object>(RealServers.get().springProperties());
        properties.put("server.port", "0");
        properties.put("spring.application.name", "linetrace-" + service);
        // Not the plant's demo profile: a service alone has none of its data.
        properties.put("spring.profiles.active", "apart");
        properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
        // The service verifies the test tokens as it verifies identity's: with the public key it is given.
        properties.put(
                "linetrace.security.token.public-key",
                com.linetrace.testing.TestTokens.publicKeyFile().toString());
        // As arguments, not default properties: those are weaker than the plant's application.properties on this
        // class path (server.port=8080 among them).
        var arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(ServiceAlone.class).run(arguments);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return context;
    }

    /**
     * A service as its launcher runs it. Not a {@code @Configuration}: it would sit in the plant's component scan and
     * every plant a test starts would take it in.
     */
    @EnableAutoConfiguration
    static class ServiceAlone {}
}
