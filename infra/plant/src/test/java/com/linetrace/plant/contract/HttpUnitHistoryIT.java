package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitHistory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link UnitHistory} as a UI apart calls it: the UI's HTTP client, and trace running on its own port. */
class HttpUnitHistoryIT extends UnitHistoryContract {

    private static UnitHistory client;
    private static int port;

    @BeforeAll
    static void startTraceApart() {
        port = ServicesApart.port("trace");
        client = ServicesApart.client("trace", UnitHistory.class, TraceProblem.class);
    }

    @Override
    UnitHistory history() {
        return client;
    }

    @Test
    void answersAPathTraceDoesNotServeAsANotFoundProblem() throws Exception {
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units/LTRC/nothing"))
                                .header("Authorization", "Bearer " + TestTokens.token("quality", Roles.QUALITY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("urn:linetrace:problem:http-404").doesNotContain("Exception");
    }
}
