package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard NoEgressIT relies on sees what it must: a lookup of an outside name, a connection to an outside address. */
class EgressGuardTests {

    @BeforeEach
    void watch() {
        EgressGuard.install();
    }

    @AfterEach
    void stop() {
        EgressGuard.uninstall();
    }

    @Test
    void recordsALookupOfAnOutsideName() {
        try {
            InetAddress.getAllByName("analytics.example.invalid");
        } catch (UnknownHostException expected) {
            // Not resolvable anywhere; the attempt is what counts.
        }
        assertThat(EgressGuard.outside()).contains("lookup analytics.example.invalid");
    }

    @Test
    void recordsAConnectionToAnOutsideAddressButNotToLoopback() throws IOException {
        try (var socket = new Socket()) {
            // TEST-NET-1 (RFC 5737): never routed, so the attempt fails at once or times out.
            socket.connect(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 9), 200);
        } catch (IOException expected) {
            // The attempt is what counts.
        }
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
        }
        assertThat(EgressGuard.outside()).containsExactly("connect socket://192.0.2.1:9");
    }

    @Test
    void takesLoopbackLocalhostAndThisMachinesNamesForLocal() {
        assertThat(EgressGuard.local("localhost")).isTrue();
        assertThat(EgressGuard.local("127.0.0.1")).isTrue();
        assertThat(EgressGuard.local("[::1]")).isTrue();
        assertThat(EgressGuard.local("config.liquibase.com")).isFalse();
        assertThat(EgressGuard.local("8.8.8.8")).isFalse();
    }
}
