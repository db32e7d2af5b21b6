package com.linetrace.trace;

import static com.linetrace.trace.Story.aUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trace bound to the audit ledger over HTTP, as where it runs apart from audit ({@code linetrace.trace.audit-url}):
 * here the ledger of its own process at its own port, so the call goes through audit's HTTP api with the caller's
 * token, and a record is still handed out with its proofs.
 */
@IntegrationTest
class DeviceHistoryRecordOverHttpIT {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void auditOverHttp(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("linetrace.trace.audit-url", () -> "http://localhost:" + PORT);
    }

    @Test
    void recordMadeApartFromTheLedgerCarriesTheProofsItsHttpApiGave() {
        var drone = aUnit().initialized("WO-000951", "AX4-ENT", 3)
                .arrived(20, "ASM-2")
                .passed(20, 30);
        drone.send();
        var token = ApiClient.at(PORT)
                .post("/api/tokens", "{\"username\":\"quality\",\"password\":\"quality\"}")
                .json()
                .get("accessToken")
                .asString();
        var quality = ApiClient.at(PORT).bearer(token);
        var path = "/api/trace/units/" + drone.serial + "/dhr.json";

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var record = quality.get(path);
            return record.status() == 200
                    && record.json().get("ledger").get("entries").size() >= drone.unitEvents.size();
        });
        var record = quality.get(path).json();
        assertThat(record.get("ledger").get("serial").asString()).isEqualTo(drone.serial.value());
        assertThat(record.get("ledger").get("checkpoint").get("note").asString())
                .startsWith("linetrace/CA1/audit\n");

        // Without a token to hand on (HTTP Basic), the ledger over HTTP does not know who asks: no record.
        var basic = ApiClient.at(PORT).as("quality").get(path);
        assertThat(basic.status()).isEqualTo(503);
        assertThat(basic.json().get("type").asString()).isEqualTo("urn:linetrace:problem:audit-ledger-unreachable");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
