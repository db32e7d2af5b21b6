package com.linetrace.tracking;

import com.linetrace.testing.RealServers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Tracking alone on real servers: the tests' application, and {@code main} runs it by hand. */
// No component scan of its own: the module's auto-configuration brings its beans, as in the plant.
@SpringBootConfiguration
@EnableAutoConfiguration
public class TrackingTestApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(TrackingTestApplication.class);
        app.setDefaultProperties(new java.util.HashMap<>(RealServers.get().springProperties()));
        app.run(args);
    }
}
