package com.linetrace.provisioning;

import com.linetrace.testing.RealServers;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Provisioning alone on real servers: the tests' application; {@code main} runs it by hand (configure
 * {@code linetrace.provisioning.trusted-release-keys} and {@code plant-ca-certificate} with public material).
 */
// No component scan of its own: the module's auto-configuration brings its beans, as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProvisioningTestApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(ProvisioningTestApplication.class);
        app.setDefaultProperties(new HashMap<>(RealServers.get().springProperties()));
        app.run(args);
    }
}
