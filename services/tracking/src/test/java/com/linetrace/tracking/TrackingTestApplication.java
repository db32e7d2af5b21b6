package com.linetrace.tracking;

import com.linetrace.testing.RealServers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tracking alone on real servers: the tests' application, and {@code main} runs it by hand. */
@SpringBootApplication
public class TrackingTestApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(TrackingTestApplication.class);
        app.setDefaultProperties(new java.util.HashMap<>(RealServers.get().springProperties()));
        app.run(args);
    }
}
