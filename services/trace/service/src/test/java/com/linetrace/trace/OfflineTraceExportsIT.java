package com.linetrace.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.action.DeviceHistoryRecordExported;
import com.linetrace.contracts.action.TraceExported;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In offline mode trace hands out nothing: records and CSVs go only to the plant's export folder, each recorded. */
@IntegrationTest
class OfflineTraceExportsIT {

    static final Path FOLDER = temporaryFolder();

    @DynamicPropertySource
    static void offline(DynamicPropertyRegistry registry) {
        registry.add("linetrace.offline.enabled", () -> "true");
        registry.add("linetrace.offline.export-dir", FOLDER::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void refusesEveryHandOutWithAProblemSayingWhyAndRecordsNothing() {
        var unit = TraceExportsIT.unitWithALot(port);
        var before = Instant.now();
        var asked = java.util.Map.of(
                "/api/trace/units/" + unit.serial() + "/dhr.pdf", "application/pdf",
                "/api/trace/units/" + unit.serial() + "/dhr.json", "application/json",
                "/api/trace/where-used.csv?partNumber=MTR-2306&lot=" + unit.lot(), "text/csv");
        for (var path : asked.keySet()) {
            var refused = ApiClient.at(port).as("quality").get(path, asked.get(path) + ", application/problem+json");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:export-refused-offline");
            assertThat(refused.json().get("detail").asString()).contains("offline mode");
        }
        // A folder export after them: once it is on the topic, a recorded refusal would be too.
        assertThat(ApiClient.at(port)
                        .as("quality")
                        .post("/api/trace/units/" + unit.serial() + "/dhr.json/export", "")
                        .status())
                .isEqualTo(200);
        var recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> TraceExportsIT.exportsSince(before, "quality"), found -> !found.isEmpty());
        assertThat(recorded).hasSize(1);
        assertThat(((DeviceHistoryRecordExported) recorded.getFirst().body()).file())
                .isNotNull();
    }

    @Test
    void writesRecordsAndCsvsToTheExportFolderAndRecordsEachFile() throws IOException {
        var unit = TraceExportsIT.unitWithALot(port);
        var before = Instant.now();
        var quality = ApiClient.at(port).as("quality");
        var pdf = quality.post("/api/trace/units/" + unit.serial() + "/dhr.pdf/export", "");
        var csv = quality.post(
                "/api/trace/where-used.csv/export?partNumber=MTR-2306&lot=" + unit.lot(),
                "application/x-www-form-urlencoded",
                "");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);

        var pdfFile = Path.of(pdf.json().get("file").asString());
        assertThat(pdfFile.getParent()).isEqualTo(FOLDER.toAbsolutePath());
        assertThat(new String(Files.readAllBytes(pdfFile), 0, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
        var csvFile = Path.of(csv.json().get("file").asString());
        var lines = Files.readAllLines(csvFile);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(unit.serial());

        var recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> TraceExportsIT.exportsSince(before, "quality"), found -> found.size() >= 2);
        assertThat(recorded).hasSize(2);
        var record = recorded.stream()
                .map(e -> e.body())
                .filter(DeviceHistoryRecordExported.class::isInstance)
                .map(DeviceHistoryRecordExported.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(record.file()).isEqualTo(pdfFile.toString());
        assertThat(record.sha256()).isEqualTo(pdf.json().get("sha256").asString());
        var where = recorded.stream()
                .map(e -> e.body())
                .filter(TraceExported.class::isInstance)
                .map(TraceExported.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(where.file()).isEqualTo(csvFile.toString());
        assertThat(where.rows()).isEqualTo(1);
        assertThat(where.complete()).isTrue();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("linetrace-trace-exports");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
