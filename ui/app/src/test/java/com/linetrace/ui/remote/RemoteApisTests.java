package com.linetrace.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnknownSerialException;
import com.linetrace.ui.health.DatabaseAway;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/** The HTTP binding against a bare HTTP server that answers as a service would, or as no service should. */
class RemoteApisTests {

    private static final Serial UNIT = Serial.issue("LTRC", 42, 9);
    private static final String ENTRY = """
            [{"eventId":"0192f000-0000-7000-8000-000000000001","type":"UnitsArrived",\
            "occurredAt":"2026-11-25T08:00:00Z","line":"L1","station":"ASM-1","serial":"%s",\
            "actor":"op1","summary":"Checked in for op 10 Frame and arms"}]""".formatted(UNIT.value());

    private final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile Consumer<HttpExchange> answer = exchange -> {};

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Map.copyOf(exchange.getRequestHeaders()));
            answer.accept(exchange);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    private UnitHistory trace() {
        return trace(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static UnitHistory trace(URI base) {
        return trace(base, Duration.ofSeconds(5));
    }

    private static UnitHistory trace(URI base, Duration readTimeout) {
        var settings = new RemoteSettings(null, null, base, null, null, null, null, Duration.ofSeconds(1), readTimeout);
        return new RemoteApis(settings).client("trace", base, UnitHistory.class, TraceProblem.class);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) {
        try {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void problem(HttpExchange exchange, int status, String code, String detail) {
        reply(
                exchange,
                status,
                "application/problem+json",
                "{\"type\":\"urn:linetrace:problem:" + code + "\",\"status\":" + status + ",\"detail\":\"" + detail
                        + "\"}");
    }

    private static void signIn(String token) {
        var principal = new DefaultOAuth2AuthenticatedPrincipal(
                "quality", Map.of("sub", "quality"), AuthorityUtils.createAuthorityList("ROLE_QUALITY"));
        var access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token,
                Instant.now(),
                Instant.now().plusSeconds(300));
        SecurityContextHolder.getContext()
                .setAuthentication(new BearerTokenAuthentication(principal, access, principal.getAuthorities()));
    }

    @Test
    void callsTheApisPathWithTheSignedInUsersTokenAndReadsTheAnswer() {
        answer = exchange -> reply(exchange, 200, "application/json", ENTRY);
        signIn("token-of-quality");

        var life = trace().history(UNIT);

        assertThat(life).singleElement().satisfies(entry -> {
            assertThat(entry.serial()).isEqualTo(UNIT.value());
            assertThat(entry.summary()).isEqualTo("Checked in for op 10 Frame and arms");
        });
        assertThat(requests)
                .singleElement()
                .satisfies(
                        headers -> assertThat(headers.get("Authorization")).containsExactly("Bearer token-of-quality"));
    }

    @Test
    void sendsNoCookieEvenWhenTheServiceSetsOne() {
        answer = exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc; Path=/");
            reply(exchange, 200, "application/json", "[]");
        };
        signIn("t");

        trace().latest(LineId.parse("L1"), 5);
        trace().latest(LineId.parse("L1"), 5);

        assertThat(requests)
                .hasSize(2)
                .allSatisfy(headers -> assertThat(headers).doesNotContainKey("Cookie"));
    }

    @Test
    void sendsNoAuthorizationWithoutASignedInUserAndSaysTheServiceRefusedTheSignIn() {
        answer = exchange -> problem(exchange, 401, "unauthenticated", "Sign in");

        assertThatThrownBy(() -> trace().history(UNIT)).isInstanceOf(AuthenticationException.class);
        assertThat(requests)
                .singleElement()
                .satisfies(headers -> assertThat(headers).doesNotContainKey("Authorization"));
    }

    @Test
    void turnsTheApisProblemBackIntoItsException() {
        answer = exchange -> problem(exchange, 404, "unknown-serial", "No unit with serial X is known to trace");

        assertThatThrownBy(() -> trace().history(UNIT))
                .isInstanceOf(UnknownSerialException.class)
                .hasMessage("No unit with serial X is known to trace")
                .satisfies(
                        e -> assertThat(((UnknownSerialException) e).problem()).isEqualTo(TraceProblem.UNKNOWN_SERIAL));
    }

    @Test
    void turnsAForbiddenAnswerIntoAccessDenied() {
        answer = exchange -> problem(exchange, 403, "forbidden", "Your role does not allow this");

        assertThatThrownBy(() -> trace().history(UNIT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void turnsTheServicesDatabaseBeingAwayIntoTheUisOwnWordsForIt() {
        answer = exchange -> problem(exchange, 503, "database-unavailable", "The plant database is not reachable");

        assertThatThrownBy(() -> trace().history(UNIT))
                .satisfies(e -> assertThat(DatabaseAway.causes(e)).isTrue());
    }

    @Test
    void saysTheServiceIsNotReachableForAnIncidentOrAProblemItsApiDoesNotName() {
        answer = exchange -> problem(exchange, 500, "internal", "Something went wrong on our side; quote incident 7");
        assertThatThrownBy(() -> trace().history(UNIT))
                .isInstanceOf(ServiceUnreachableException.class)
                .hasMessageContaining("The trace service is not reachable")
                .hasMessageContaining("incident 7");

        answer = exchange -> reply(exchange, 502, "text/html", "<html>Bad gateway</html>");
        assertThatThrownBy(() -> trace().history(UNIT))
                .isInstanceOf(ServiceUnreachableException.class)
                .hasMessageContaining("answered 502")
                .hasMessageNotContaining("html");
    }

    @Test
    void saysTheServiceIsNotReachableWhenNothingListens() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> trace(URI.create("http://127.0.0.1:" + port)).history(UNIT))
                .isInstanceOf(ServiceUnreachableException.class)
                .hasMessageContaining("The trace service is not reachable (no connection to http://127.0.0.1:" + port);
    }

    @Test
    void givesUpAfterTheReadTimeout() {
        answer = exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        var slowService =
                trace(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofMillis(300));
        var started = System.nanoTime();

        assertThatThrownBy(() -> slowService.history(UNIT))
                .isInstanceOf(ServiceUnreachableException.class)
                .hasMessageContaining("no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void followsNoRedirectElsewhere() throws IOException {
        var elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var visited = new CountDownLatch(1);
        elsewhere.createContext("/", exchange -> {
            visited.countDown();
            reply(exchange, 200, "application/json", ENTRY);
            exchange.close();
        });
        elsewhere.start();
        try {
            answer = exchange -> {
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/");
                reply(exchange, 302, "text/plain", "");
            };
            signIn("secret-token");

            assertThatThrownBy(() -> trace().history(UNIT)).isInstanceOf(ServiceUnreachableException.class);
            assertThat(visited.getCount()).isEqualTo(1);
        } finally {
            elsewhere.stop(0);
        }
    }
}
