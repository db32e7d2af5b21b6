package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.simulator.IdentityTokens;
import com.linetrace.simulator.PlantClient;
import com.linetrace.testing.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The station clients of the cluster run sign in through identity's token endpoint, as stations must where the
 * services run apart: the token opens the station API, an identity instance that does not answer is passed over,
 * and a refused sign-in is reported, not retried elsewhere.
 */
@IntegrationTest
class IdentityTokensIT {

    @LocalServerPort
    int port;

    @Test
    void aStationSignedInThroughIdentityScansWithItsBearerToken() throws IOException {
        var plant = URI.create("http://127.0.0.1:" + port);
        var operator = new IdentityTokens(List.of(nobodyListening(), plant), "operator", "operator");

        assertThat(operator.get()).startsWith("Bearer ey");
        try (var supervisor = new PlantClient(plant, new IdentityTokens(List.of(plant), "supervisor", "supervisor"));
                var station = new PlantClient(plant, operator)) {
            var serial = supervisor.releaseWorkOrder("AX4-ENT", "L1", 1).getFirst();
            assertThat(station.checkIn("ASM-1", serial).accepted()).isTrue();
        }
    }

    @Test
    void aWrongSecretIsReportedWithIdentitysAnswer() {
        var plant = URI.create("http://127.0.0.1:" + port);
        var tokens = new IdentityTokens(List.of(plant), "FIX-FW-1", "not-its-secret");

        assertThatThrownBy(tokens::get)
                .isInstanceOf(PlantClient.PlantException.class)
                .hasMessageContaining("answered 401")
                .hasMessageNotContaining("not-its-secret");
    }

    /** A port nothing listens on: the socket is closed before the test uses the port. */
    private static URI nobodyListening() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
