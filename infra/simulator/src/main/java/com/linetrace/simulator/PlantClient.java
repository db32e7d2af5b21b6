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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A station client of the plant's HTTP API, signed in as one user or one piece of registered equipment: check-ins,
 * part scans, check-outs, the flash fixture's and key station's reports (signed in as that equipment) and, for a supervisor, engineer or quality, releasing work orders and firmware
 * releases. It calls only its base URL.
 */
public final class PlantClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a request may take before it counts as failed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final Supplier<String> authorization;

    /** Signed in with HTTP Basic, which only a process that holds identity (the plant in one jar) accepts. */
    public PlantClient(URI base, String user, String password) {
        this(base, basic(user, password));
    }

    /** {@code authorization}: the {@code Authorization} header's value for each request, e.g. {@link IdentityTokens}. */
    public PlantClient(URI base, Supplier<String> authorization) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = base;
        this.authorization = authorization;
    }

    private static Supplier<String> basic(String user, String password) {
        var header =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return () -> header;
    }

    /** The plant's answer to a scan. */
    public record Verdict(boolean accepted, @Nullable String code, String message) {}

    /** Checks {@code barcode} in at {@code station}; the verdict says whether the interlock let it in. */
    public Verdict checkIn(String station, String barcode) {
        return join(checkInAsync(station, barcode));
    }

    public CompletableFuture<Verdict> checkInAsync(String station, String barcode) {
        return checkInAsync(station, barcode, UUID.randomUUID());
    }

    /**
     * With the scan id of a request sent before: a station that got no answer sends the same scan again, and the
     * plant answers a scan it already took with its first verdict.
     */
    public Verdict checkIn(String station, String barcode, UUID scanId) {
        return join(checkInAsync(station, barcode, scanId));
    }

    private CompletableFuture<Verdict> checkInAsync(String station, String barcode, UUID scanId) {
        var body = Map.of("scanId", scanId.toString(), "barcode", barcode);
        return post("/api/stations/" + station + "/scans", body, 200).thenApply(PlantClient::verdict);
    }

    /** Checks the unit out of {@code station}: PASS without defects, FAIL with them. */
    public Verdict checkOut(String station, String serial, List<String> defects) {
        return join(checkOutAsync(station, serial, defects));
    }

    public CompletableFuture<Verdict> checkOutAsync(String station, String serial, List<String> defects) {
        return checkOutAsync(station, serial, defects, UUID.randomUUID());
    }

    /** With the scan id of a request sent before, as {@link #checkIn(String, String, UUID)}. */
    public Verdict checkOut(String station, String serial, List<String> defects, UUID scanId) {
        return join(checkOutAsync(station, serial, defects, scanId));
    }

    private CompletableFuture<Verdict> checkOutAsync(String station, String serial, List<String> defects, UUID scanId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("scanId", scanId.toString());
        body.put("serial", serial);
        body.put("result", defects.isEmpty() ? "PASS" : "FAIL");
        body.put("defects", defects);
        return post("/api/stations/" + station + "/check-outs", body, 200).thenApply(PlantClient::verdict);
    }

    /** A part of the work at a station: how many the bill of materials asks for, how many are scanned. */
    public record Part(String partNumber, int required, int installed, boolean serialized) {}

    /** The parts of the work a unit checked in at {@code station} still needs (the station terminal's list). */
    public List<Part> work(String station, String serial) {
        return join(workAsync(station, serial));
    }

    public CompletableFuture<List<Part>> workAsync(String station, String serial) {
        return get("/api/stations/" + station + "/work/" + serial).thenApply(work -> {
            var parts = new ArrayList<Part>();
            work.path("parts")
                    .forEach(part -> parts.add(new Part(
                            part.path("partNumber").asString(),
                            part.path("required").asInt(),
                            part.path("installed").asInt(),
                            part.path("serialized").asBoolean())));
            return parts;
        });
    }

    /**
     * Whether {@code serial} is checked in at {@code station} now: the plant has work for it there (a 404 says it has
     * not, or no longer).
     */
    public boolean isCheckedIn(String station, String serial) {
        var request = HttpRequest.newBuilder(base.resolve("/api/stations/" + station + "/work/" + serial))
                .timeout(TIMEOUT)
                .header("Authorization", authorization.get())
                .header("Accept", "application/json, application/problem+json")
                .GET()
                .build();
        return join(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> switch (response.statusCode()) {
                    case 200 -> true;
                    case 404 -> false;
                    default ->
                        throw new PlantException("GET work of " + serial + " at " + station + " answered "
                                + response.statusCode() + ": " + abbreviate(response.body()));
                }));
    }

    /** Scans a part label ({@code PART;L=LOT} or {@code PART;S=SERIAL}) into the unit at {@code station}. */
    public Verdict installPart(String station, String serial, String barcode) {
        return join(installPartAsync(station, serial, barcode));
    }

    public CompletableFuture<Verdict> installPartAsync(String station, String serial, String barcode) {
        return installPartAsync(station, serial, barcode, UUID.randomUUID());
    }

    /** With the scan id of a request sent before, as {@link #checkIn(String, String, UUID)}. */
    public Verdict installPart(String station, String serial, String barcode, UUID scanId) {
        return join(installPartAsync(station, serial, barcode, scanId));
    }

    private CompletableFuture<Verdict> installPartAsync(String station, String serial, String barcode, UUID scanId) {
        var body = Map.of("scanId", scanId.toString(), "serial", serial, "barcode", barcode);
        return post("/api/stations/" + station + "/materials", body, 200).thenApply(PlantClient::verdict);
    }

    /** A flash fixture's report; provisioning answers VERIFIED or REJECTED at once. */
    public record Flash(
            String serial,
            String station,
            String model,
            String module,
            String version,
            String sha256Written,
            String sha256ReadBack,
            String fixtureId) {}

    public Verdict reportFlash(Flash flash) {
        return join(reportFlashAsync(flash));
    }

    public CompletableFuture<Verdict> reportFlashAsync(Flash flash) {
        var body = new LinkedHashMap<String, Object>();
        body.put("serial", flash.serial());
        body.put("line", DemoLine.LINE);
        body.put("station", flash.station());
        body.put("model", flash.model());
        body.put("module", flash.module());
        body.put("version", flash.version());
        body.put("sha256Written", flash.sha256Written());
        body.put("sha256ReadBack", flash.sha256ReadBack());
        body.put("fixtureId", flash.fixtureId());
        return equipmentPost("/api/equipment/flash-results", body, ARRIVAL_WAITS);
    }

    /** How many times, 100 ms apart, equipment asks again while provisioning has not yet heard of the check-in. */
    private static final int ARRIVAL_WAITS = 300;

    /**
     * Posts an equipment result. Provisioning learns of a check-in from tracking's events, a moment after the
     * check-in answered: until then it refuses the result as for a unit not at the station (409), and equipment asks
     * again, as a real fixture's software would.
     */
    private CompletableFuture<Verdict> equipmentPost(String path, Object body, int waits) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization.get())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 409 && response.body().contains("unit-not-at-station") && waits > 0) {
                return CompletableFuture.supplyAsync(
                                () -> null, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> equipmentPost(path, body, waits - 1));
            }
            if (response.statusCode() != 200) {
                throw new PlantException(
                        "POST " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return CompletableFuture.completedFuture(provisioningVerdict(JSON.readTree(response.body())));
        });
    }

    /** A key station's report: public material only (public key, CSR, certificate). */
    public Verdict reportKeyInjection(String serial, String station, DemoProvisioningKeys.DeviceIdentity identity) {
        return join(reportKeyInjectionAsync(serial, station, identity));
    }

    public CompletableFuture<Verdict> reportKeyInjectionAsync(
            String serial, String station, DemoProvisioningKeys.DeviceIdentity identity) {
        var body = new LinkedHashMap<String, Object>();
        body.put("serial", serial);
        body.put("line", DemoLine.LINE);
        body.put("secureElementId", "SE-" + serial);
        body.put("keyPurpose", "DEVICE_IDENTITY");
        body.put("publicKeyPem", identity.publicKeyPem());
        body.put("csrPem", identity.csrPem());
        body.put("certificatePem", identity.certificatePem());
        body.put("stationId", station);
        return equipmentPost("/api/equipment/key-injection-results", body, 0);
    }

    /** Registers a signed firmware release (as an engineer); returns its id. */
    public String registerRelease(
            String model, String module, String version, String sha256, long size, String signature) {
        var body = new LinkedHashMap<String, Object>();
        body.put("model", model);
        body.put("module", module);
        body.put("version", version);
        body.put("sha256", sha256);
        body.put("size", size);
        body.put("signature", signature);
        return join(post("/api/firmware-releases", body, 201)).path("id").asString();
    }

    /**
     * Approves a release (as quality), signed electronically: {@code password} is the signed-in person's, re-entered
     * for this decision, and the signature means APPROVED.
     */
    public void approveRelease(String id, String reason, String password) {
        join(post("/api/firmware-releases/" + id + "/approval", signed(reason, password, "APPROVED"), 200));
    }

    /** Revokes a release (as quality), signed as an approval is, the signer taking responsibility. */
    public void revokeRelease(String id, String reason, String password) {
        join(post("/api/firmware-releases/" + id + "/revocation", signed(reason, password, "RESPONSIBLE"), 200));
    }

    /** A signed decision's body: the reason and the electronic signature (the password re-entered, the meaning). */
    private static Map<String, Object> signed(String reason, String password, String meaning) {
        return Map.of("reason", reason, "signature", Map.of("password", password, "meaning", meaning));
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
                .header("Authorization", authorization.get())
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

    private CompletableFuture<JsonNode> get(String path) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization.get())
                .header("Accept", "application/json, application/problem+json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new PlantException(
                        "GET " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        });
    }

    private static Verdict provisioningVerdict(JsonNode json) {
        var code = json.path("code");
        return new Verdict(
                "VERIFIED".equals(json.path("verdict").asString()),
                code.isNull() || code.isMissingNode() ? null : code.asString(),
                json.path("message").asString());
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
