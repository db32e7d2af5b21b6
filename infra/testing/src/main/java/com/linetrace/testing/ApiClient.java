package com.linetrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a LineTrace HTTP API as a given user (HTTP Basic or a bearer token), the way a station's client or a test would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final @Nullable String authorization;

    private ApiClient(String base, @Nullable String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static ApiClient at(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    /** The same client, signing in with HTTP Basic as {@code user} whose password is {@code password}. */
    public ApiClient as(String user, String password) {
        var token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + token);
    }

    /** The same client, sending {@code token} (identity's, or a {@link TestTokens} one) as {@code Authorization: Bearer}. */
    public ApiClient bearer(String token) {
        return new ApiClient(base, "Bearer " + token);
    }

    /** As one of the demo users, whose password is their name. */
    public ApiClient as(String demoUser) {
        return as(demoUser, demoUser);
    }

    public Response get(String path) {
        return get(path, "application/json, application/problem+json");
    }

    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET());
    }

    public Response post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json")
                .DELETE());
    }

    /** The body of a GET as the bytes sent (a PDF, a file), for a digest; fails unless the answer is 200. */
    public byte[] bytes(String path, String accept) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} reads its body. */
    public record Response(int status, String contentType, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of the header {@code name}, or empty text when there is none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
