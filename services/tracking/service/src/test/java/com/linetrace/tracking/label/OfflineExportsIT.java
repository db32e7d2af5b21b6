package com.linetrace.tracking.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import com.linetrace.web.export.ExportDesk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In offline mode nothing is handed out: label sheets go only to the plant's export folder, each recorded. */
@IntegrationTest
class OfflineExportsIT {

    static final Path FOLDER = temporaryFolder();

    @DynamicPropertySource
    static void offline(DynamicPropertyRegistry registry) {
        registry.add("linetrace.offline.enabled", () -> "true");
        registry.add("linetrace.offline.export-dir", FOLDER::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void refusesToHandOutLabelsWithAProblemSayingWhyAndRecordsNothing() {
        var before = Instant.now();
        for (var path : List.of("/api/work-orders/WO-000001/labels", "/api/lines/L1/station-labels")) {
            var refused = ApiClient.at(port).as("supervisor").get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:export-refused-offline");
            assertThat(refused.json().get("detail").asString())
                    .contains("offline mode")
                    .contains("export folder");
        }
        // A folder export after them: once it is on the topic, a recorded refusal would be too.
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .post("/api/lines/L1/station-labels/export", "")
                        .status())
                .isEqualTo(200);
        var recorded =
                await().atMost(Duration.ofSeconds(20)).until(() -> exportsSince(before), found -> !found.isEmpty());
        assertThat(recorded).extracting(e -> ((DataExported) e.body()).file()).doesNotContainNull();
    }

    @Test
    void writesLabelsToTheExportFolderAndRecordsTheFile() throws IOException {
        var before = Instant.now();
        var answer = ApiClient.at(port).as("supervisor").post("/api/work-orders/WO-000001/labels/export", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var file = Path.of(answer.json().get("file").asString());
        assertThat(file.getParent()).isEqualTo(FOLDER.toAbsolutePath());
        assertThat(file.getFileName().toString())
                .startsWith("labels-WO-000001-")
                .endsWith(".pdf");
        var pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
        assertThat(answer.json().get("sha256").asString()).isEqualTo(ExportDesk.sha256(pdf));
        assertThat(answer.json().get("bytes").asLong()).isEqualTo(pdf.length);

        var recorded =
                await().atMost(Duration.ofSeconds(20)).until(() -> exportsSince(before), found -> !found.isEmpty());
        var export = (DataExported) recorded.getFirst().body();
        assertThat(recorded.getFirst().actor()).isEqualTo("supervisor");
        assertThat(export.file()).isEqualTo(file.toString());
        assertThat(export.sha256()).isEqualTo(ExportDesk.sha256(pdf));
        assertThat(export.rows()).isEqualTo(24);
    }

    @Test
    void anExportToTheFolderNeedsTheRoleOfTheExport() {
        var refused = ApiClient.at(port).as("operator").post("/api/work-orders/WO-000001/labels/export", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:forbidden");
    }

    private static List<AuditActionEvent> exportsSince(Instant since) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> event.body() instanceof DataExported
                        && !event.occurredAt().isBefore(since))
                .toList();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("linetrace-exports");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
