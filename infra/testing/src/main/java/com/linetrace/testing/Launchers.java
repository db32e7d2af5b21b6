package com.linetrace.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What a plant's IT team expects of every service process, checked the same way for each launcher. */
public final class Launchers {

    private Launchers() {}

    /**
     * The process on {@code port} answers liveness and readiness UP, and serves Prometheus metrics tagged with its
     * application name, so one scrape configuration tells the instances of every service apart. Metrics are read as
     * {@code metricsReader}: unlike the probes, they are not for anyone on the network. Every answer carries the
     * headers that keep a browser from running, framing or sniffing what an API sends.
     */
    public static void assertServesOperations(int port, String applicationName, ApiClient metricsReader) {
        var client = ApiClient.at(port);
        for (var probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var answer = client.get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().path("status").asString()).as(probe).isEqualTo("UP");
            assertThat(answer.header("Content-Security-Policy"))
                    .as(probe)
                    .contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(probe).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(probe).isEqualTo("no-referrer");
        }
        assertThat(client.get("/actuator/prometheus").status()).isEqualTo(401);
        var metrics = metricsReader.get("/actuator/prometheus", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + applicationName + "\"");
    }
}
