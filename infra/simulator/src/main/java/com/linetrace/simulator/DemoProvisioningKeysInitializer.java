package com.linetrace.simulator;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * When the simulator is on and no release keys or plant CA are configured (the demo plant), makes
 * {@link DemoProvisioningKeys} before any bean is created: their public halves become provisioning's settings, and
 * the object itself a bean only the simulator uses, so the private keys stay in this JVM's memory. A plant with
 * its own keys configured keeps them; the simulator then plays no flash fixture or key station.
 */
public final class DemoProvisioningKeysInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "demoProvisioningKeys";
    private static final String RELEASE_KEYS = "linetrace.provisioning.trusted-release-keys";
    private static final String PLANT_CA = "linetrace.provisioning.plant-ca-certificate";

    private static final Logger log = LoggerFactory.getLogger(DemoProvisioningKeysInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        // Only for this application's own provisioning: a plant the simulator drives from afar trusts its own keys.
        if (context.getParent() != null
                || !environment.getProperty("linetrace.simulator.enabled", Boolean.class, false)
                || environment.containsProperty("linetrace.simulator.base-url")) {
            return;
        }
        var binder = Binder.get(environment);
        boolean keysConfigured = !binder.bind(RELEASE_KEYS, Bindable.listOf(String.class))
                .orElse(List.of())
                .isEmpty();
        boolean caConfigured = environment.containsProperty(PLANT_CA);
        if (keysConfigured || caConfigured) {
            log.info("Line simulator: release keys or plant CA configured, so it reports no flashes or key injections");
            return;
        }
        var keys = DemoProvisioningKeys.generate();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "demo provisioning keys (public halves, made at start)",
                        Map.of(RELEASE_KEYS + "[0]", keys.releasePublicKeyPem(), PLANT_CA, keys.caCertificatePem())));
        context.getBeanFactory().registerSingleton(BEAN, keys);
        log.info("Line simulator: made a throw-away release key and plant CA for this run, held in memory only");
    }
}
