package com.linetrace.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Authorization} header of one account (a person or a piece of equipment) for services that run apart
 * from identity and accept only identity's tokens: signs in with {@code POST /api/tokens} and signs in again a minute
 * before the token expires (re-issuing rather than renewing, since renewal ends after identity's maximum session and a
 * station runs for a shift). With several identity instances, one that does not answer is passed over for the next.
 */
public final class IdentityTokens implements Supplier<String> {

    /** Signs in again this long before the token expires, so no request carries one that expires on the way. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> identities;
    private final String username;
    private final String secret;
    private int next;
    private @Nullable String header;
    private Instant renewAt = Instant.MIN;

    public IdentityTokens(List<URI> identities, String username, String secret) {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("Give at least one identity instance");
        }
        this.identities = List.copyOf(identities);
        this.username = username;
        this.secret = secret;
    }

    @Override
    public synchronized String get() {
        if (header == null || !Instant.now().isBefore(renewAt)) {
            signIn();
        }
        return header;
    }

    private void signIn() {
        var away = new StringBuilder();
        for (int tried = 0; tried < identities.size(); tried++) {
            var identity = identities.get(next);
            try {
                var response = http.send(
                        HttpRequest.newBuilder(identity.resolve("/api/tokens"))
                                .timeout(PlantClient.TIMEOUT)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, application/problem+json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("username", username, "password", secret))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    // Identity answered and refused: another instance would refuse the same.
                    throw new PlantClient.PlantException("Sign-in of " + username + " at " + identity + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                var token = JSON.readTree(response.body());
                header = "Bearer " + token.path("accessToken").asString();
                renewAt = Instant.parse(token.path("expiresAt").asString()).minus(MARGIN);
                return;
            } catch (IOException e) {
                away.append(' ')
                        .append(identity)
                        .append(" (")
                        .append(e.getClass().getSimpleName())
                        .append(')');
                next = (next + 1) % identities.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while signing " + username + " in", e);
            }
        }
        throw new IllegalStateException("No identity instance answered the sign-in of " + username + ":" + away);
    }
}
