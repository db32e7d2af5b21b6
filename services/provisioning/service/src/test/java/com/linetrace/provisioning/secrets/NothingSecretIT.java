package com.linetrace.provisioning.secrets;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aKeyInjection;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.provisioning.Builders;
import com.linetrace.provisioning.PrivateKeySamples;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.provisioning.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class NothingSecretIT extends ProvisioningIntegrationSupport {

    @Test
    void refusesPrivateKeyMaterialThroughEveryEntryPointAndKeepsNoTraceOfIt(CapturedOutput output) {
        var samples = PrivateKeySamples.all().values();
        var kafkaSerials = new ArrayList<String>();
        for (var sample : samples) {
            var serial = newSerial();
            // REST: the key station's adapter, the flash fixture's adapter, release registration and approval.
            var injection = aKeyInjection(serial);
            var report = injection.report();
            // The records refuse key material themselves, so the leak is put into their JSON as an attacker would.
            assertRefused(
                    asKeyStation()
                            .post(
                                    "/api/equipment/key-injection-results",
                                    leak(injection.json(report), report.publicKeyPem(), sample.text())),
                    sample);
            assertRefused(
                    asFixture()
                            .post(
                                    "/api/equipment/flash-results",
                                    aFlash(serial, aRelease()).json().replace("FIX-1", escape(sample.text()))),
                    sample);
            assertRefused(
                    as("engineer")
                            .post(
                                    "/api/firmware-releases",
                                    aRelease()
                                            .json()
                                            .replaceFirst(
                                                    "\"signature\":\"[^\"]*\"",
                                                    "\"signature\":\"" + escape(sample.text()) + "\"")),
                    sample);
            assertRefused(
                    as("quality")
                            .post(
                                    "/api/firmware-releases/" + java.util.UUID.randomUUID() + "/approval",
                                    "{\"reason\":\"" + escape(sample.text()) + "\"}"),
                    sample);
            // Kafka: a key station's record with the private key where the public key belongs.
            send(
                    serial.value(),
                    leak(Builders.envelope(serial, "KEY-1", report), report.publicKeyPem(), sample.text()));
            kafkaSerials.add(serial.value());
        }
        // Kafka: a bare DER private key as the whole record, and a malformed JSON record carrying one.
        var der = TestPki.p256().getPrivate().getEncoded();
        var derSerial = newSerial().value();
        send(derSerial, der);
        kafkaSerials.add(derSerial);
        var brokenSerial = newSerial().value();
        var broken = samples.iterator().next();
        send(brokenSerial, ("{\"oops\": \"" + escape(broken.text())).getBytes(StandardCharsets.UTF_8));
        kafkaSerials.add(brokenSerial);

        var deadLetters = readUntil(
                Topics.deadLetter(Topics.EQUIPMENT_RESULTS),
                records -> kafkaSerials.stream().allMatch(s -> records.stream().anyMatch(r -> s.equals(r.key()))));

        var fragments = new ArrayList<String>();
        samples.forEach(s -> fragments.add(s.secretFragment()));
        var derBase64 = Base64.getEncoder().encodeToString(der);
        fragments.add(derBase64.substring(derBase64.length() / 2 - 12, derBase64.length() / 2 + 12));

        var mine =
                deadLetters.stream().filter(r -> kafkaSerials.contains(r.key())).toList();
        assertThat(mine).allSatisfy(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("private key material");
            assertThat(record.headers().lastHeader(RedactingDeadLetterRecoverer.REASON_HEADER))
                    .isNotNull();
        });
        assertThat(output.getAll()).as("the listener's logs were captured").contains("sent a redacted dead letter");
        var everything = new StringBuilder();
        everything.append(output.getAll());
        everything.append(provisioningSchemaAsText());
        for (var record : deadLetters) {
            everything.append(asText(record));
        }
        var haystack = everything.toString().replaceAll("\\\\n|\\s", "");
        for (var fragment : fragments) {
            assertThat(haystack).as("a fragment of a private key").doesNotContain(fragment);
            assertThat(haystack).doesNotContain(fragment.replace('+', '-').replace('/', '_'));
        }
        for (var serial : kafkaSerials) {
            assertThat(jdbc.sql("select count(*) from provisioning.key_injection where serial = :s")
                            .param("s", serial)
                            .query(Long.class)
                            .single())
                    .as("nothing stored for " + serial)
                    .isZero();
        }
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicWithTheReasonAndMovesOn() {
        var poison = newSerial();
        send(poison.value(), "{not json".getBytes(StandardCharsets.UTF_8));
        var unknownType = newSerial();
        send(unknownType.value(), "{\"type\":\"Exploded\"}".getBytes(StandardCharsets.UTF_8));
        var release = aRelease();
        approved(release);
        var after = atFlashStation(newSerial());
        send(aFlash(after, release).event());

        var deadLetters = readUntil(
                Topics.deadLetter(Topics.EQUIPMENT_RESULTS),
                records -> records.stream()
                                .filter(r -> poison.value().equals(r.key())
                                        || unknownType.value().equals(r.key()))
                                .count()
                        == 2);
        var poisoned = deadLetters.stream()
                .filter(r -> poison.value().equals(r.key()))
                .findFirst()
                .orElseThrow();
        // Set aside with the reason, not a copy: an unreadable record was never checked field by field.
        assertThat(new String(poisoned.value(), StandardCharsets.UTF_8))
                .contains("Unreadable record (Not JSON)")
                .doesNotContain("{not json");
        assertThat(new String(
                        poisoned.headers()
                                .lastHeader(RedactingDeadLetterRecoverer.REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("Not JSON");
        assertThat(onlyEventOf(after).body()).isInstanceOf(FirmwareVerified.class);
    }

    @Test
    void refusesAKeyInARequestDeclaredInAnotherCharset() throws Exception {
        var sample = PrivateKeySamples.all().get("PKCS#8 PEM (EC)");
        var serial = newSerial();
        var injection = aKeyInjection(serial)
                .json()
                .replaceFirst(
                        "\"secureElementId\":\"[^\"]*\"", "\"secureElementId\":\"" + escape(sample.text()) + "\"");
        var registered =
                as("engineer").post("/api/firmware-releases", aRelease().json());
        var release = registered.json().get("id").asString();
        var approval = "{\"reason\":\"Passed, " + escape(sample.text()) + "\"}";
        for (var charset : List.of("IBM037", "UTF-16", "UTF-32BE")) {
            var refused = post("KEY-1", "/api/equipment/key-injection-results", charset, injection);
            assertThat(refused.statusCode()).as(charset + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("urn:linetrace:problem:private-key-material");
            var reason = post("quality", "/api/firmware-releases/" + release + "/approval", charset, approval);
            assertThat(reason.statusCode()).as(charset + ": " + reason.body()).isEqualTo(422);
            assertThat(reason.body()).contains("urn:linetrace:problem:private-key-material");
        }
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + release)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from provisioning.key_injection where serial = :s")
                        .param("s", serial.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private java.net.http.HttpResponse<String> post(String user, String path, String charset, String json)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .header("Content-Type", "application/json;charset=" + charset)
                .header("Accept", "application/json, application/problem+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        json.getBytes(java.nio.charset.Charset.forName(charset))))
                .build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void refusesKeysInFreeTextInEncodingsBeyondPemAndBase64() {
        var id = approved(aRelease());
        var ec = TestPki.p256();
        var der = ec.getPrivate().getEncoded();
        var encodings = List.of(
                "hex " + java.util.HexFormat.of().formatHex(der),
                "serviced " + java.util.HexFormat.ofDelimiter(":").formatHex(der),
                "note=" + "xyzzy" + Base64.getEncoder().encodeToString(der),
                "{\\\"kty\\\":\\\"EC\\\",\\\"crv\\\":\\\"P-256\\\",\\\"d\\\":\\\"AAAA\\\"}");
        for (var reason : encodings) {
            var response = as("quality")
                    .post("/api/firmware-releases/" + id + "/revocation", "{\"reason\":\"" + reason + "\"}");
            assertThat(response.status()).as(reason + ": " + response.body()).isEqualTo(422);
        }
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void setsAsideWithoutItsPayloadAKafkaRecordWhoseKeyOnlyShowsOnceDecoded() {
        var sample = PrivateKeySamples.all().get("PKCS#8 PEM (EC)");
        // A well-formed record in UTF-16: no UTF-8 text to search, but the JSON parser reads it.
        var utf16 = newSerial();
        var injection = aKeyInjection(utf16).report();
        var encoded = new String(
                        leak(Builders.envelope(utf16, "KEY-1", injection), injection.publicKeyPem(), sample.text()),
                        StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_16BE);
        send(utf16.value(), encoded);
        // A malformed record with a secret no detector could know (a bare 32-byte scalar in hex).
        var malformed = newSerial();
        var scalar = java.util.HexFormat.of().formatHex(Builders.randomBytesForTests(32));
        send(
                malformed.value(),
                ("{\"type\":\"KeyInjectionReported\",\"secret\":\"" + scalar).getBytes(StandardCharsets.UTF_8));

        var deadLetters = readUntil(
                Topics.deadLetter(Topics.EQUIPMENT_RESULTS),
                records -> records.stream().anyMatch(r -> utf16.value().equals(r.key()))
                        && records.stream().anyMatch(r -> malformed.value().equals(r.key())));
        var mine = deadLetters.stream()
                .filter(r -> utf16.value().equals(r.key()) || malformed.value().equals(r.key()))
                .toList();
        assertThat(mine).hasSize(2).allSatisfy(record -> {
            var text = asText(record);
            assertThat(text).doesNotContain(scalar);
            assertThat(text.replaceAll("\\\\n|\\s", "")).doesNotContain(sample.secretFragment());
            assertThat(record.headers().lastHeader(RedactingDeadLetterRecoverer.REASON_HEADER))
                    .isNotNull();
        });
        assertThat(jdbc.sql("select count(*) from provisioning.key_injection where serial = :s")
                        .param("s", utf16.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void assertRefused(com.linetrace.testing.ApiClient.Response response, PrivateKeySamples sample) {
        assertThat(response.status()).as(sample.name() + ": " + response.body()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:private-key-material");
        assertThat(response.body()).doesNotContain(sample.secretFragment());
    }

    /** Every row of every table of the provisioning schema as text, outbox payloads decoded. */
    private String provisioningSchemaAsText() {
        var text = new StringBuilder();
        List<String> tables = jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = 'provisioning'")
                .query(String.class)
                .list();
        for (var table : tables) {
            jdbc.sql("select t::text from provisioning." + table + " t")
                    .query(String.class)
                    .list()
                    .forEach(text::append);
        }
        jdbc.sql("select convert_from(payload, 'UTF8') from provisioning.outbox")
                .query(String.class)
                .list()
                .forEach(text::append);
        return text.toString();
    }

    private static String asText(ConsumerRecord<String, byte[]> record) {
        var text = new StringBuilder(String.valueOf(record.key()));
        if (record.value() != null) {
            text.append(new String(record.value(), StandardCharsets.UTF_8));
            text.append(Base64.getEncoder().encodeToString(record.value()));
        }
        record.headers().forEach(h -> text.append(h.key()).append(new String(h.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }

    /** {@code json} with {@code privateKey} where {@code publicKey} was. */
    private static String leak(String json, String publicKey, String privateKey) {
        var leaked = json.replace(escape(publicKey), escape(privateKey));
        assertThat(leaked).isNotEqualTo(json);
        return leaked;
    }

    private static byte[] leak(
            com.linetrace.contracts.EventEnvelope<? extends com.linetrace.contracts.equipment.EquipmentResult> event,
            String publicKey,
            String privateKey) {
        var json = new String(
                com.linetrace.contracts.equipment.EquipmentResult.CODEC.encode(event), StandardCharsets.UTF_8);
        return leak(json, publicKey, privateKey).getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
