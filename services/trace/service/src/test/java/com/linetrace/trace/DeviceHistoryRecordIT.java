package com.linetrace.trace;

import static com.linetrace.trace.Story.aUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.audit.verifier.AuditVerifier;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.DeviceHistoryRecordExported;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import com.linetrace.trace.api.DeviceHistoryRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A unit walked through real events on both topics, then its device history record asked for over HTTP: the PDF
 * parses and prints what matters, the JSON holds what trace's read model answers, each record handed out is an audit
 * action, and bad requests are refused without one.
 */
@IntegrationTest
class DeviceHistoryRecordIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE_REASON = "<script>alert('x')</script> & <b>bold</b> \"quoted\"";
    private static final String HOSTILE_DEFECT = "<i>SCREW-TORQUE</i>";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private ApiClient quality() {
        return ApiClient.at(port).as("quality");
    }

    /** A drone with a lot of motors, a flight controller by serial, a failed check with a defect, a hold, firmware and key. */
    private Story walkedDrone() {
        var motors = Story.unique("L-MTR");
        var drone = aUnit().initialized("WO-000950", "AX4-ENT", 3)
                .arrived(20, "ASM-2")
                .installedLot(20, "MTR-2306", motors, 4)
                .passed(20, 30)
                .arrived(30, "ASM-2")
                .installedSerial(30, "FC-H7", Story.newSerial().value(), "U1")
                .failed(30, HOSTILE_DEFECT)
                .held(HOSTILE_REASON)
                .flashed(FirmwareModule.FLIGHT_CONTROLLER, UUID.randomUUID(), "4.5.1", Story.randomSha256())
                .keyed(Story.randomSha256());
        drone.send();
        var unit = "/api/trace/units/" + drone.serial;
        await().atMost(WAIT).until(() -> {
            var genealogy = quality().get(unit + "/genealogy");
            var holds = quality().get(unit + "/holds");
            return genealogy.status() == 200
                    && !genealogy.json().get("key").isNull()
                    && genealogy.json().get("firmware").size() == 1
                    && genealogy.json().get("operations").size() == 2
                    && holds.status() == 200
                    && holds.json().size() == 1;
        });
        return drone;
    }

    @Test
    void jsonRecordHoldsWhatTheReadModelAnswersAndIsAudited() throws Exception {
        var drone = walkedDrone();
        var unit = "/api/trace/units/" + drone.serial;

        var response = download(unit + "/dhr.json", "quality");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("dhr-" + drone.serial + ".json");
        var json = JSON.readTree(response.body());
        assertThat(names(json))
                .as("the document's fields, in the documented order")
                .containsExactly(
                        "schema",
                        "plant",
                        "generatedAt",
                        "generatedBy",
                        "unit",
                        "operations",
                        "parts",
                        "firmware",
                        "key",
                        "genealogyTruncated",
                        "holds",
                        "provisioning",
                        "signatures",
                        "ledger");
        assertThat(json.get("schema").asString()).isEqualTo(DeviceHistoryRecord.SCHEMA);
        assertThat(json.get("generatedBy").asString()).isEqualTo("quality");
        var genealogy = quality().get(unit + "/genealogy").json();
        assertThat(json.get("unit")).isEqualTo(quality().get(unit).json());
        assertThat(json.get("unit").get("routeVersion").asInt()).isEqualTo(3);
        assertThat(json.get("operations"))
                .isEqualTo(quality().get(unit + "/operations").json());
        assertThat(json.get("parts")).isEqualTo(genealogy.get("operations"));
        assertThat(json.get("firmware")).isEqualTo(genealogy.get("firmware"));
        assertThat(json.get("key")).isEqualTo(genealogy.get("key"));
        assertThat(json.get("holds")).isEqualTo(quality().get(unit + "/holds").json());
        assertThat(json.get("provisioning"))
                .isEqualTo(quality().get(unit + "/provisioning").json());
        // Hostile text stays text: a JSON string, as typed.
        assertThat(json.get("holds").get(0).get("reason").asString()).isEqualTo(HOSTILE_REASON);
        assertThat(json.get("operations").get(1).get("defects").get(0).asString())
                .isEqualTo(HOSTILE_DEFECT);
        // It decodes into the api's record: the document is the record.
        assertThat(JSON.readValue(response.body(), DeviceHistoryRecord.class)
                        .unit()
                        .serial())
                .isEqualTo(drone.serial.value());

        var exported = awaitExport(drone.serial.value(), "json");
        assertThat(exported.actor()).isEqualTo("quality");
        var action = (DeviceHistoryRecordExported) exported.body();
        assertThat(action.sha256()).isEqualTo(sha256(response.body()));
        assertThat(action.bytes()).isEqualTo(response.body().length);
    }

    @Test
    void recordCarriesItsLedgerProofsWhichTheVerifierAcceptsOfflineAndRefusesOnceOneByteIsAltered() throws Exception {
        var drone = walkedDrone();
        var events = drone.unitEvents.size() + drone.provisioningEvents.size();
        var path = "/api/trace/units/" + drone.serial + "/dhr.json";
        // The ledger appends the unit's events, and the exports of its record, as it reads them: the record carries
        // those it holds when made. Wait for all the unit's events and for an export made while waiting.
        await().atMost(WAIT).until(() -> {
            var made = JSON.readTree(download(path, "quality").body());
            return unitEventEntries(made) == events
                    && made.get("ledger").get("entries").valueStream().anyMatch(DeviceHistoryRecordIT::isExport);
        });

        var record = download(path, "supervisor").body();
        var json = JSON.readTree(record);
        var ledger = json.get("ledger");
        assertThat(ledger.get("serial").asString()).isEqualTo(drone.serial.value());
        assertThat(unitEventEntries(json)).isEqualTo(events);
        // The export made while waiting is the unit's too, with its event to read: who had the record, when.
        assertThat(ledger.get("entries")).anyMatch(DeviceHistoryRecordIT::isExport);
        var entries = ledger.get("entries").size();
        assertThat(ledger.get("checkpoint").get("note").asString()).startsWith("linetrace/CA1/audit\n");
        var dir = Files.createTempDirectory("dhr-verify");
        var file = Files.write(dir.resolve("dhr-" + drone.serial + ".json"), record);
        var key = Files.writeString(
                dir.resolve("key.json"),
                ApiClient.at(port).get("/api/audit/public-key").body());

        var verified = verify(key, file);

        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("OK " + entries + " entries of unit " + drone.serial);
        System.out.printf(
                "DHR of %d entries with proofs at tree size %d: %d bytes%n",
                entries, ledger.get("checkpoint").get("treeSize").asLong(), record.length);

        // One byte of one entry altered (its schema version 1 → 2): the leaves no longer lead to the signed root.
        var text = new String(record, StandardCharsets.UTF_8);
        var entry = text.indexOf("{\\\"v\\\":1,");
        assertThat(entry).isPositive();
        var altered = text.substring(0, entry + 7) + "2" + text.substring(entry + 8);
        var alteredFile = Files.writeString(dir.resolve("altered.json"), altered);
        var refused = verify(key, alteredFile);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("FAILED", "are not all included");

        // The record handed off as another unit's: its entries name the unit they are of.
        var other = Story.newSerial().value();
        var renamed = Files.writeString(
                dir.resolve("renamed.json"), text.replace("\"" + drone.serial + "\"", "\"" + other + "\""));
        var refusedRenamed = verify(key, renamed);
        assertThat(refusedRenamed.status()).isEqualTo(1);
        assertThat(refusedRenamed.err()).contains("is not of unit " + other);

        // Another log's key does not verify the checkpoint.
        var stranger = Files.writeString(
                dir.resolve("stranger.txt"),
                com.linetrace.audit.verifier.NoteSigner.generate("linetrace/CA1/audit")
                        .verifier()
                        .verifierKey());
        assertThat(verify(stranger, file).status()).isNotZero();
    }

    private static long unitEventEntries(JsonNode record) {
        var count = 0L;
        for (var entry : record.get("ledger").get("entries")) {
            if (!entry.get("entry").asString().contains("linetrace.audit-actions.v1")) {
                count++;
            }
        }
        return count;
    }

    private record Verified(int status, String out, String err) {}

    private static Verified verify(java.nio.file.Path key, java.nio.file.Path record) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var status = new AuditVerifier(
                        new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                        new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
                .run("verify-dhr", key.toString(), record.toString());
        return new Verified(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pdfRecordParsesAndPrintsSerialLotFirmwareHashKeyAndHostileTextAsText() throws Exception {
        var drone = walkedDrone();
        var genealogy =
                quality().get("/api/trace/units/" + drone.serial + "/genealogy").json();
        var lot = genealogy
                .get("operations")
                .get(0)
                .get("parts")
                .get(0)
                .get("lot")
                .asString();
        var hash = genealogy.get("firmware").get(0).get("sha256").asString();
        var fingerprint = genealogy.get("key").get("fingerprint").asString();

        var response = download("/api/trace/units/" + drone.serial + "/dhr.pdf", "supervisor");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        var reader = new PdfReader(response.body());
        var extractor = new PdfTextExtractor(reader);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        assertThat(text)
                .contains(drone.serial.value(), lot, hash, fingerprint, "FC-H7", "U1", "AX4-ENT", "WO-000950")
                .contains(HOSTILE_REASON, HOSTILE_DEFECT);

        var exported = awaitExport(drone.serial.value(), "pdf");
        assertThat(exported.actor()).isEqualTo("supervisor");
        assertThat(((DeviceHistoryRecordExported) exported.body()).sha256()).isEqualTo(sha256(response.body()));
    }

    @Test
    void unknownSerialIsA404AndMalformedOneA400AndNeitherIsAudited() throws Exception {
        var unknown = Story.newSerial().value();
        var malformed = unknown.substring(0, unknown.length() - 1) + (unknown.endsWith("0") ? "1" : "0");

        var notFound =
                quality().get("/api/trace/units/" + unknown + "/dhr.pdf", "application/pdf, application/problem+json");
        var bad = quality().get("/api/trace/units/" + malformed + "/dhr.json");
        var markup = quality().get("/api/trace/units/%3Cb%3E/dhr.json");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-serial");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").asString()).isEqualTo("urn:linetrace:problem:malformed-serial");
        assertThat(bad.json().get("detail").asString()).contains("check character");
        assertThat(markup.status()).isEqualTo(400);

        // A record made after them reaches the topic (same actor, same key, in order); theirs never did.
        var drone = walkedDrone();
        assertThat(download("/api/trace/units/" + drone.serial + "/dhr.json", "quality")
                        .statusCode())
                .isEqualTo(200);
        var seen = TopicProbe.read(
                Topics.AUDIT_ACTIONS, WAIT, record -> exportOf(record.value(), drone.serial.value(), "json"));
        assertThat(seen).anyMatch(record -> exportOf(record.value(), drone.serial.value(), "json"));
        assertThat(seen)
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(unknown))
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(malformed));
    }

    @Test
    void operatorMayNotHaveARecordMade() throws Exception {
        var drone = walkedDrone();

        var refused = download("/api/trace/units/" + drone.serial + "/dhr.pdf", "operator");

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        var basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + basic)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static com.linetrace.contracts.action.AuditActionEvent awaitExport(String serial, String format) {
        var records = TopicProbe.read(Topics.AUDIT_ACTIONS, WAIT, record -> exportOf(record.value(), serial, format));
        return records.stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> event.body() instanceof DeviceHistoryRecordExported e
                        && e.serial().equals(serial)
                        && e.format().equals(format))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No DeviceHistoryRecordExported of " + serial + " " + format));
    }

    private static boolean exportOf(byte[] value, String serial, String format) {
        var event = AuditAction.CODEC.decode(value);
        return event.body() instanceof DeviceHistoryRecordExported e
                && e.serial().equals(serial)
                && e.format().equals(format);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static boolean isExport(JsonNode entry) {
        return !entry.get("event").isNull()
                && entry.get("event").asString().contains("\"DeviceHistoryRecordExported\"");
    }
}
