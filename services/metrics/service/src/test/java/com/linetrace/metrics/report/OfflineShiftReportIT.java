package com.linetrace.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import com.linetrace.web.export.ExportDesk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In offline mode a shift report's documents are never handed out: only written to the export folder, recorded. */
@IntegrationTest
class OfflineShiftReportIT {

    static final Path FOLDER = temporaryFolder();

    @DynamicPropertySource
    static void offline(DynamicPropertyRegistry registry) {
        registry.add("linetrace.offline.enabled", () -> "true");
        registry.add("linetrace.offline.export-dir", FOLDER::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void refusesTheDownloadsAndWritesEachDocumentToTheExportFolderRecordingIt() throws IOException {
        var line = "O" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        TopicProbe.send(
                Topics.LINE_EVENTS,
                line,
                LineEvent.CODEC.encode(new LineEventEnvelope(
                        EventIds.next(),
                        1,
                        Instant.now(),
                        "CA1",
                        line,
                        null,
                        "supervisor",
                        new WorkOrderReleased(
                                "WO-5" + ThreadLocalRandom.current().nextInt(10_000, 99_999), "AX4-ENT", 6, null))));
        var report = "/api/metrics/lines/" + line + "/shifts/" + LocalDate.now(ZoneId.of("America/Los_Angeles"))
                + "/All%20day/report";
        var manager = ApiClient.at(port).as("manager");
        await().atMost(Duration.ofSeconds(30)).until(() -> manager.get(report).status() == 200);
        // The page still shows the report: only documents leave, and offline they do not.
        assertThat(manager.get(report).json().get("output").get("planned").asDouble())
                .isGreaterThan(0);

        var before = Instant.now();
        for (var format : new String[] {"csv", "pdf"}) {
            var refused = manager.get(report + "." + format, "text/csv, application/pdf, application/problem+json");
            assertThat(refused.status()).as(format).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:export-refused-offline");
            assertThat(refused.json().get("detail").asString()).contains("offline mode");
        }

        var csv = manager.post(report + ".csv/export", "");
        var pdf = manager.post(report + ".pdf/export", "");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        var csvFile = Path.of(csv.json().get("file").asString());
        var pdfFile = Path.of(pdf.json().get("file").asString());
        assertThat(csvFile.getParent()).isEqualTo(FOLDER.toAbsolutePath());
        assertThat(Files.readAllLines(csvFile).getFirst()).isEqualTo("section,subject,measure,value");
        assertThat(Files.readAllLines(csvFile)).contains("output,shift,planned,6.0000");
        assertThat(new String(Files.readAllBytes(pdfFile), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(csv.json().get("sha256").asString()).isEqualTo(ExportDesk.sha256(Files.readAllBytes(csvFile)));

        // Both files are recorded, with where they went; the refused downloads are not.
        var recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> ShiftReportIT.exportsSince(before, "manager", line), found -> found.size() >= 2);
        assertThat(recorded).hasSize(2);
        assertThat(recorded.stream().map(e -> ((DataExported) e.body()).file()))
                .containsExactlyInAnyOrder(csvFile.toString(), pdfFile.toString());
        assertThat(recorded.stream().map(e -> ((DataExported) e.body()).sha256()))
                .containsExactlyInAnyOrder(
                        csv.json().get("sha256").asString(),
                        pdf.json().get("sha256").asString());
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("linetrace-shift-reports");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
