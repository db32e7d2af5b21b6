package com.linetrace.plant;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Gives every plant this test JVM starts the same {@link SecurityContextHolderStrategy}, as a plant has in its own
 * JVM. Vaadin makes one per application context (a bean, unless one exists) and, once the context's singletons are
 * made, installs it JVM-wide in {@code SecurityContextHolder}: a second plant in the JVM replaced the first one's, so
 * the first one's security filters put the caller into their strategy while the services' code
 * ({@code SecurityContextHolder.getContext()}, e.g. tracking's {@code Caller}) read the other, found no one signed in
 * and answered 401. One JVM runs one plant in production, so the plant needs no change; the tests' JVM shares one.
 * Registered for every Spring application of the tests in {@code META-INF/spring.factories}.
 */
public final class OneSecurityContextPerJvm implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Vaadin's own, so that the UI still finds the signed-in user in the Vaadin session. */
    static final SecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getParent() == null) {
            context.getBeanFactory().registerSingleton("linetraceSharedSecurityContextHolderStrategy", SHARED);
        }
    }
}
