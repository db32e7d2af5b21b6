package com.linetrace.tracking.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import com.linetrace.web.export.ExportDesk;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every way data leaves tracking is a person's action, recorded: each endpoint that answers a file (or writes one to
 * the export folder), found from the handler mappings, and each bulk read, is called here and must leave an audit
 * action by its caller. A new export endpoint fails this test until it is listed here, and so tested.
 */
@IntegrationTest
class ExportsAuditedIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** How each export is called (as whom, what), by its mapping's pattern. */
    private final Map<String, Function<ApiClient, ApiClient.Response>> exports = Map.of(
            "GET /api/work-orders/{number}/labels",
            api -> api.get("/api/work-orders/WO-000001/labels", "application/pdf"),
            "GET /api/lines/{lineId}/station-labels",
            api -> api.get("/api/lines/L1/station-labels", "application/pdf"),
            "POST /api/units/statuses",
            api -> api.post("/api/units/statuses", "{\"serials\":[\"LTRCA000000015\"]}"));

    /** The bulk reads, which a mapping's return type does not tell apart: listed by hand. */
    private static final List<String> BULK_READS = List.of("POST /api/units/statuses");

    /** Exports to the folder: their own test runs them with a folder (OfflineExportsIT). */
    private static final List<String> TO_FOLDER =
            List.of("POST /api/work-orders/{number}/labels/export", "POST /api/lines/{lineId}/station-labels/export");

    @Test
    void everyEndpointThatAnswersAFileIsListedHere() {
        var found = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("com.linetrace.tracking") && answersAFile(method)) {
                info.getMethodsCondition()
                        .getMethods()
                        .forEach(verb -> info.getPatternValues().forEach(pattern -> found.add(verb + " " + pattern)));
            }
        });
        var listed = new TreeSet<String>(exports.keySet());
        listed.removeAll(BULK_READS);
        listed.addAll(TO_FOLDER);
        assertThat(found).isEqualTo(listed);
    }

    @Test
    void everyExportLeavesAnAuditActionByItsCaller() {
        var supervisor = ApiClient.at(port).as("supervisor");
        for (var export : exports.entrySet()) {
            var before = Instant.now();
            var answer = export.getValue().apply(supervisor);
            assertThat(answer.status())
                    .as(export.getKey() + ": " + answer.body())
                    .isEqualTo(200);
            var recorded = await().atMost(Duration.ofSeconds(20))
                    .until(() -> exportsSince(before, "supervisor"), found -> !found.isEmpty());
            assertThat(recorded).as(export.getKey()).hasSize(1);
            assertThat(recorded.getFirst().origin()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aLabelSheetIsRecordedWithItsLabelsAndTheDigestOfThePdfHandedOut() {
        var supervisor = ApiClient.at(port).as("supervisor");
        var before = Instant.now();
        var pdf = supervisor.bytes("/api/work-orders/WO-000001/labels", "application/pdf");

        var recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> exportsSince(before, "supervisor"), found -> !found.isEmpty());
        var export = (DataExported) recorded.getFirst().body();
        assertThat(export.export()).isEqualTo("work-order-labels");
        assertThat(export.query()).isEqualTo("workOrder=WO-000001");
        assertThat(export.rows()).isEqualTo(24);
        assertThat(export.sha256()).isEqualTo(ExportDesk.sha256(pdf));
        assertThat(export.file()).isNull();
    }

    @Test
    void aRefusedExportRecordsNothing() {
        var before = Instant.now();
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/work-orders/WO-000001/labels")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .get("/api/work-orders/WO-999999/labels")
                        .status())
                .isEqualTo(404);
        var marker = ApiClient.at(port).as("engineer").get("/api/lines/L1/station-labels", "application/pdf");
        assertThat(marker.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !exportsSince(before, "engineer").isEmpty());
        assertThat(exportsSince(before, "operator")).isEmpty();
        assertThat(exportsSince(before, "supervisor")).isEmpty();
    }

    @Test
    void anExportToTheFolderWithoutAFolderIsRefusedSayingSo() {
        var refused = ApiClient.at(port).as("supervisor").post("/api/work-orders/WO-000001/labels/export", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString())
                .isEqualTo("urn:linetrace:problem:export-folder-not-configured");
        assertThat(refused.json().get("detail").asString()).contains("linetrace.offline.export-dir");
    }

    private static boolean answersAFile(HandlerMethod method) {
        var type = method.getReturnType().getParameterType();
        if (type == byte[].class || Resource.class.isAssignableFrom(type) || type == ExportReceipt.class) {
            return true;
        }
        return type == ResponseEntity.class
                && method.getReturnType().getGenericParameterType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> body
                && Resource.class.isAssignableFrom(body);
    }

    private static List<AuditActionEvent> exportsSince(Instant since, String actor) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> event.body() instanceof DataExported
                        && event.actor().equals(actor)
                        && !event.occurredAt().isBefore(since))
                .toList();
    }
}
