package com.linetrace.trace;

import static com.linetrace.trace.Story.aUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DeviceHistoryRecordExported;
import com.linetrace.contracts.action.TraceExported;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every way data leaves trace is a person's action, recorded: each endpoint that answers a file, found from the
 * handler mappings, is called here and must leave an audit action by its caller, from the caller's address. A new
 * export endpoint fails this test until it is listed here, and so tested.
 */
@IntegrationTest
class TraceExportsIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** How each export is called for a unit with a lot, by its mapping's pattern. */
    private final Map<String, BiFunction<ApiClient, Unit, ApiClient.Response>> exports = Map.of(
            "GET /api/trace/units/{serial}/dhr.pdf",
            (api, unit) -> api.get("/api/trace/units/" + unit.serial() + "/dhr.pdf", "application/pdf"),
            "GET /api/trace/units/{serial}/dhr.json",
            (api, unit) -> api.get("/api/trace/units/" + unit.serial() + "/dhr.json", "application/json"),
            "GET /api/trace/where-used.csv",
            (api, unit) -> api.get("/api/trace/where-used.csv?partNumber=MTR-2306&lot=" + unit.lot(), "text/csv"));

    /** Exports to the folder: their own test runs them with a folder (OfflineTraceExportsIT). */
    private static final List<String> TO_FOLDER = List.of(
            "POST /api/trace/units/{serial}/dhr.pdf/export",
            "POST /api/trace/units/{serial}/dhr.json/export",
            "POST /api/trace/where-used.csv/export");

    @Test
    void everyEndpointThatAnswersAFileIsListedHere() {
        var found = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("com.linetrace.trace") && answersAFile(method)) {
                info.getMethodsCondition()
                        .getMethods()
                        .forEach(verb -> info.getPatternValues().forEach(pattern -> found.add(verb + " " + pattern)));
            }
        });
        var listed = new TreeSet<String>(exports.keySet());
        listed.addAll(TO_FOLDER);
        assertThat(found).isEqualTo(listed);
    }

    @Test
    void everyExportLeavesAnAuditActionByItsCallerFromItsAddress() {
        var unit = unitWithALot();
        var manager = ApiClient.at(port).as("manager");
        for (var export : exports.entrySet()) {
            var before = Instant.now();
            var answer = export.getValue().apply(manager, unit);
            assertThat(answer.status()).as(export.getKey()).isEqualTo(200);
            var recorded = await().atMost(Duration.ofSeconds(20))
                    .until(() -> exportsSince(before, "manager"), found -> !found.isEmpty());
            assertThat(recorded).as(export.getKey()).hasSize(1);
            assertThat(recorded.getFirst().origin()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anExportToTheFolderWithoutAFolderIsRefusedSayingSo() {
        var unit = unitWithALot();
        var refused =
                ApiClient.at(port).as("quality").post("/api/trace/units/" + unit.serial() + "/dhr.pdf/export", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString())
                .isEqualTo("urn:linetrace:problem:export-folder-not-configured");
    }

    /** A unit with a lot of motors, as trace has read it. */
    record Unit(String serial, String lot) {}

    Unit unitWithALot() {
        return unitWithALot(port);
    }

    static Unit unitWithALot(int port) {
        var lot = Story.unique("L-MTR");
        var story = aUnit().initialized("WO-000951", "AX4-ENT", 3)
                .arrived(20, "ASM-2")
                .installedLot(20, "MTR-2306", lot, 4);
        story.send();
        var unit = new Unit(story.serial.value(), lot);
        var quality = ApiClient.at(port).as("quality");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> quality.get("/api/trace/where-used?partNumber=MTR-2306&lot=" + lot)
                        .body()
                        .contains(unit.serial()));
        return unit;
    }

    static boolean answersAFile(HandlerMethod method) {
        var type = method.getReturnType().getParameterType();
        if (type == byte[].class || Resource.class.isAssignableFrom(type) || type == ExportReceipt.class) {
            return true;
        }
        return type == ResponseEntity.class
                && method.getReturnType().getGenericParameterType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> body
                && Resource.class.isAssignableFrom(body);
    }

    static List<AuditActionEvent> exportsSince(Instant since, String actor) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event ->
                        (event.body() instanceof TraceExported || event.body() instanceof DeviceHistoryRecordExported)
                                && event.actor().equals(actor)
                                && !event.occurredAt().isBefore(since))
                .toList();
    }
}
