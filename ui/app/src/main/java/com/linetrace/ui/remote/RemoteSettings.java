package com.linetrace.ui.remote;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the UI finds the services it calls over HTTP. A service left unset is called in-process, as in the plant.
 *
 * @param tracking tracking's base URL, e.g. {@code http://tracking:8082}
 * @param provisioning provisioning's base URL, e.g. {@code http://provisioning:8083}
 * @param trace trace's base URL, e.g. {@code http://trace:8084}
 * @param deadletter the dead-letter service's base URL, e.g. {@code http://deadletter:8085}
 * @param identity identity's base URL, e.g. {@code http://identity:8081}
 * @param metrics the metrics service's base URL, e.g. {@code http://metrics:8086}
 * @param audit the audit ledger's base URL, e.g. {@code http://audit:8087}
 * @param connectTimeout how long a call waits to connect to a service before the UI says it is not reachable
 * @param readTimeout how long a call waits for a service's answer before the UI says it is not reachable
 */
@ConfigurationProperties("linetrace.ui.remote")
public record RemoteSettings(
        @Nullable URI tracking,
        @Nullable URI provisioning,
        @Nullable URI trace,
        @Nullable URI deadletter,
        @Nullable URI identity,
        @Nullable URI metrics,
        @Nullable URI audit,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {}
