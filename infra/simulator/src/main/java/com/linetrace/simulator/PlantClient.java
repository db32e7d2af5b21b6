package com.linetrace.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A station client of the plant's HTTP API, signed in as one user: check-ins, check-outs and, for a supervisor,
 * releasing work orders. It calls only its base URL.
 */
public final class PlantClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a request may take before it counts as failed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    public PlantClient(URI base, String user, String password) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The plant's answer to a scan. */
    public record Verdict(boolean accepted, @Nullable String code, String message) {}

    /** Checks {@code barcode} in at {@code station}; the verdict says whether the interlock let it in. */
    public Verdict checkIn(String station, String barcode) {
        return join(checkInAsync(station, barcode));
    }

    public CompletableFuture<Verdict> checkInAsync(String station, String barcode) {
        var body = Map.of("scanId", UUID.randomUUID().toString(), "barcode", barcode);
        return post("/api/stations/" + station + "/scans", body, 200).thenApply(PlantClient::verdict);
    }

    /** Checks the unit out of {@code station}: PASS without defects, FAIL with them. */
    public Verdict checkOut(String station, String serial, List<String> defects) {
        return join(checkOutAsync(station, serial, defects));
    }

    public CompletableFuture<Verdict> checkOutAsync(String station, String serial, List<String> defects) {
        var body = new LinkedHashMap<String, Object>();
        body.put("scanId", UUID.randomUUID().toString());
        body.put("serial", serial);
        body.put("result", defects.isEmpty() ? "PASS" : "FAIL");
        body.put("defects", defects);
        return post("/api/stations/" + station + "/check-outs", body, 200).thenApply(PlantClient::verdict);
    }

    /** Releases a work order (as a supervisor) and returns the serials it issued. */
    public List<String> releaseWorkOrder(String model, String line, int quantity) {
        var body = Map.of("model", model, "line", line, "quantity", quantity);
        var released = join(post("/api/work-orders", body, 201));
        var serials = new ArrayList<String>();
        released.get("serials").forEach(serial -> serials.add(serial.asString()));
        return serials;
    }

    private CompletableFuture<JsonNode> post(String path, Object body, int expected) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != expected) {
                throw new PlantException(
                        "POST " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        });
    }

    private static Verdict verdict(JsonNode json) {
        var code = json.path("code");
        return new Verdict(
                "ACCEPTED".equals(json.path("verdict").asString()),
                code.isNull() || code.isMissingNode() ? null : code.asString(),
                json.path("message").asString());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new PlantException(String.valueOf(e.getCause()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        http.close();
    }

    /** The plant answered something other than a verdict, or could not be reached. */
    public static final class PlantException extends RuntimeException {
        PlantException(String message) {
            super(message);
        }
    }
}
