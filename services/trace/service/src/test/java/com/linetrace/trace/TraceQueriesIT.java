package com.linetrace.trace;

import static com.linetrace.trace.Story.aUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.TraceExported;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Events published to trace's two topics, answered over HTTP: genealogy, where-used, search and their refusals. */
@IntegrationTest
class TraceQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private ApiClient quality() {
        return ApiClient.at(port).as("quality");
    }

    @Test
    void answersWhatIsInAUnitDownToASubAssemblyBuiltHereWithFirmwareAndKey() {
        var imuLot = Story.unique("L-IMU");
        var controller = aUnit().initialized("WO-000901", "FC-H7", 1)
                .arrived(10, "ASM-1")
                .installedLot(10, "IMU-42688", imuLot, 1)
                .passed(10, null);
        var motors = Story.unique("L-MTR");
        var release = UUID.randomUUID();
        var sha = Story.randomSha256();
        var fingerprint = Story.randomSha256();
        var drone = aUnit().initialized("WO-000902", "AX4-ENT", 3)
                .arrived(20, "ASM-2")
                .installedLot(20, "MTR-2306", motors, 4)
                .passed(20, 30)
                .arrived(30, "ASM-2")
                .installedSerial(30, "FC-H7", controller.serial.value(), "U1")
                .passed(30, 50)
                .flashed(FirmwareModule.FLIGHT_CONTROLLER, release, "4.5.1", sha)
                .keyed(fingerprint);
        controller.send();
        drone.send();

        var genealogy = awaitJson(
                "/api/trace/units/" + drone.serial + "/genealogy",
                json -> json.get("key") != null
                        && !json.get("key").isNull()
                        && json.get("firmware").size() == 1
                        && json.get("operations").size() == 2);

        assertThat(genealogy.get("unit").get("workOrder").asString()).isEqualTo("WO-000902");
        assertThat(genealogy.get("unit").get("status").asString()).isEqualTo("IN_WORK");
        var propulsion = genealogy.get("operations").get(0);
        assertThat(propulsion.get("operation").asInt()).isEqualTo(20);
        assertThat(propulsion.get("operationName").asString()).isEqualTo("Op 20");
        assertThat(propulsion.get("parts").get(0).get("lot").asString()).isEqualTo(motors);
        assertThat(propulsion.get("parts").get(0).get("quantity").asInt()).isEqualTo(4);
        var fc = genealogy.get("operations").get(1).get("parts").get(0);
        assertThat(fc.get("partSerial").asString()).isEqualTo(controller.serial.value());
        assertThat(fc.get("referenceDesignator").asString()).isEqualTo("U1");
        var sub = fc.get("subAssembly");
        assertThat(sub.get("unit").get("model").asString()).isEqualTo("FC-H7");
        assertThat(sub.get("operations").get(0).get("parts").get(0).get("lot").asString())
                .isEqualTo(imuLot);
        var firmware = genealogy.get("firmware").get(0);
        assertThat(firmware.get("module").asString()).isEqualTo("FLIGHT_CONTROLLER");
        assertThat(firmware.get("releaseId").asString()).isEqualTo(release.toString());
        assertThat(firmware.get("sha256").asString()).isEqualTo(sha);
        assertThat(firmware.get("fixtureId").asString()).isEqualTo("FIX-FW-1");
        assertThat(genealogy.get("key").get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(genealogy.get("key").get("certificatePem").asString()).isEqualTo(Story.CERTIFICATE);
        assertThat(genealogy.get("key").get("verified").asBoolean()).isTrue();

        // Up from the sub-assembly's lot reaches the sub-assembly; its serial reaches the drone.
        assertThat(serials(quality()
                        .get("/api/trace/where-used?partNumber=IMU-42688&lot=" + imuLot)
                        .json()))
                .containsExactly(controller.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/where-used?partSerial=" + controller.serial)
                        .json()))
                .containsExactly(drone.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/where-used?releaseId=" + release)
                        .json()))
                .containsExactly(drone.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/where-used?sha256=" + sha.toUpperCase())
                        .json()))
                .containsExactly(drone.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/where-used?model=AX4-ENT&module=FLIGHT_CONTROLLER&version=4.5.1")
                        .json()))
                .contains(drone.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/where-used?fingerprint=" + fingerprint)
                        .json()))
                .containsExactly(drone.serial.value());
        var operations = quality()
                .get("/api/trace/units/" + drone.serial + "/operations")
                .json();
        assertThat(operations.size()).isEqualTo(2);
        assertThat(operations.get(0).get("result").asString()).isEqualTo("PASS");
        assertThat(operations.get(0).get("departedAt").isNull()).isFalse();
        assertThat(quality()
                        .get("/api/trace/units/" + drone.serial + "/provisioning")
                        .json()
                        .size())
                .isEqualTo(2);
    }

    @Test
    void findsEveryUnitOfALotPageByPageAndAsCsvWithWhereEachStandsNow() {
        var lot = Story.unique("L-MTR");
        var inWork = aUnit().initialized("WO-000910", "AX4-ENT", 3).arrived(20, "ASM-2");
        var held = aUnit().initialized("WO-000910", "AX4-ENT", 3).arrived(20, "ASM-2");
        var done = aUnit().initialized("WO-000910", "AX4-ENT", 3).arrived(20, "ASM-2");
        var scrapped = aUnit().initialized("WO-000910", "AX4-ENT", 3).arrived(20, "ASM-2");
        var issued = aUnit().initialized("WO-000910", "AX4-ENT", 3);
        var other = aUnit().initialized("WO-000910", "AX4-ENT", 3).arrived(20, "ASM-2");
        for (var story : List.of(inWork, held, done, scrapped)) {
            story.installedLot(20, "MTR-2306", lot, 4);
        }
        issued.unit(new com.linetrace.contracts.unit.MaterialsInstalled(0, "MTR-2306", lot, null, 1));
        other.installedLot(20, "MTR-2306", Story.unique("L-MTR"), 4);
        held.held("Lot under investigation");
        done.passed(20, null).completed("WO-000910");
        scrapped.scrapped("Frame cracked");
        var stories = List.of(inWork, held, done, scrapped, issued, other);
        stories.forEach(Story::send);
        var expected = Stream.of(inWork, held, done, scrapped, issued)
                .map(s -> s.serial.value())
                .sorted()
                .toList();

        await().atMost(WAIT).until(() -> {
            var page = quality().get("/api/trace/where-used?partNumber=MTR-2306&lot=" + lot + "&size=500");
            return page.status() == 200
                    && page.json().get("units").size() == 5
                    && status(page.json(), scrapped.serial.value()).equals("SCRAPPED")
                    && status(page.json(), done.serial.value()).equals("COMPLETED")
                    && status(page.json(), held.serial.value()).equals("HELD");
        });

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = quality()
                    .get("/api/trace/where-used?partNumber=MTR-2306&lot=" + lot + "&size=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            seen.addAll(serials(page));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        var all = quality()
                .get("/api/trace/where-used?partNumber=MTR-2306&lot=" + lot)
                .json();
        assertThat(status(all, inWork.serial.value())).isEqualTo("IN_WORK");
        assertThat(status(all, issued.serial.value())).isEqualTo("ISSUED");

        var csv = quality().get("/api/trace/where-used.csv?partNumber=MTR-2306&lot=" + lot, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("serial,status,held,model,work_order,line,last_station,last_event_at");
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(l -> l.substring(0, l.indexOf(',')))
                        .toList())
                .containsExactlyElementsOf(expected);
        assertThat(lines.get(1 + expected.indexOf(held.serial.value()))).contains(",HELD,true,AX4-ENT,WO-000910,L1,");
        var audit = TopicProbe.read(Topics.AUDIT_ACTIONS, WAIT, record -> new String(record.value()).contains(lot));
        var exported = audit.stream()
                .map(r -> AuditAction.CODEC.decode(r.value()))
                .filter(e -> e.body() instanceof TraceExported t && t.query().contains(lot))
                .toList();
        assertThat(exported).hasSize(1);
        assertThat(exported.getFirst().actor()).isEqualTo("quality");
        var action = (TraceExported) exported.getFirst().body();
        assertThat(action.rows()).isEqualTo(5);
        assertThat(action.complete()).isTrue();
        assertThat(action.export()).isEqualTo("where-used");
    }

    @Test
    void appliesAnEventDeliveredTwiceOrReplayedOnce() {
        var lot = Story.unique("L-ESC");
        var story = aUnit().initialized("WO-000920", "AX4-ENT", 3)
                .arrived(20, "ASM-2")
                .installedLot(20, "ESC-40A", lot, 4)
                .failed(20, "SCREW-TORQUE")
                .held("Torque out of range")
                .flashed(FirmwareModule.ESC, UUID.randomUUID(), "2.1.0", Story.randomSha256());
        story.send();
        var unit = "/api/trace/units/" + story.serial;
        var first = awaitJson(
                unit + "/genealogy",
                json -> json.get("firmware").size() == 1
                        && json.get("unit").get("status").asString().equals("HELD"));
        var operations = quality().get(unit + "/operations").body();
        var holds = quality().get(unit + "/holds").body();
        var history =
                quality().get("/api/units/" + story.serial + "/history").json().size();

        story.send();
        story.send();
        // A marker behind the copies on both topics (same key, same partitions): once both are in, the copies were
        // read.
        var markerLot = Story.unique("L-MARK");
        story.installedLot(20, "MARK", markerLot, 1)
                .flashed(FirmwareModule.BATTERY_MANAGEMENT, UUID.randomUUID(), "1.0.0", Story.randomSha256());
        story.sendLatest();
        var again = awaitJson(
                unit + "/genealogy",
                json -> json.get("firmware").size() == 2
                        && json.get("operations").get(0).get("parts").size() == 2);

        // Modules in name order: the battery's comes before the ESC's.
        assertThat(again.get("firmware").get(1)).isEqualTo(first.get("firmware").get(0));
        assertThat(again.get("unit").get("status").asString()).isEqualTo("HELD");
        assertThat(quality().get(unit + "/operations").body()).isEqualTo(operations);
        assertThat(quality().get(unit + "/holds").body()).isEqualTo(holds);
        assertThat(quality()
                        .get("/api/units/" + story.serial + "/history")
                        .json()
                        .size())
                .isEqualTo(history + 1);
        assertThat(quality().get(unit + "/provisioning").json().size()).isEqualTo(2);
        assertThat(serials(quality()
                        .get("/api/trace/where-used?partNumber=ESC-40A&lot=" + lot)
                        .json()))
                .containsExactly(story.serial.value());
        assertThat(serials(quality()
                        .get("/api/trace/units?defect=SCREW-TORQUE&lot=" + lot)
                        .json()))
                .containsExactly(story.serial.value());
    }

    @Test
    void givesTheSameAnswersWhicheverTopicIsReadFirst() {
        var release = UUID.randomUUID();
        var sha = Story.randomSha256();
        var provisioningFirst = aUnit().initialized("WO-000930", "AX4-ENT", 3)
                .arrived(50, "FW-1")
                .flashed(FirmwareModule.GIMBAL, release, "1.9.0", sha)
                .keyed(Story.randomSha256())
                .passed(50, 60)
                .held("Revoked gimbal image");
        var unitFirst = aUnit().initialized("WO-000930", "AX4-ENT", 3)
                .arrived(50, "FW-1")
                .flashed(FirmwareModule.GIMBAL, release, "1.9.0", sha)
                .keyed(Story.randomSha256())
                .passed(50, 60)
                .held("Revoked gimbal image");

        provisioningFirst.sendProvisioningEvents();
        var early = awaitJson("/api/trace/units/" + provisioningFirst.serial, json -> true);
        assertThat(early.get("status").asString()).isEqualTo("ISSUED");
        assertThat(early.get("model").asString()).isEqualTo("AX4-ENT");
        assertThat(early.get("workOrder").isNull()).isTrue();
        provisioningFirst.sendUnitEvents();
        unitFirst.sendUnitEvents();
        awaitJson(
                "/api/trace/units/" + unitFirst.serial,
                json -> json.get("status").asString().equals("HELD"));
        unitFirst.sendProvisioningEvents();

        var a = awaitJson(
                "/api/trace/units/" + provisioningFirst.serial + "/genealogy",
                json -> json.get("unit").get("status").asString().equals("HELD"));
        var b = awaitJson(
                "/api/trace/units/" + unitFirst.serial + "/genealogy",
                json -> json.get("key") != null && !json.get("key").isNull());
        for (var genealogy : List.of(a, b)) {
            var unit = genealogy.get("unit");
            assertThat(unit.get("status").asString()).isEqualTo("HELD");
            assertThat(unit.get("workOrder").asString()).isEqualTo("WO-000930");
            assertThat(unit.get("routeVersion").asInt()).isEqualTo(3);
            assertThat(unit.get("lastStation").asString()).isEqualTo("FW-1");
            assertThat(unit.get("nextOperation").asInt()).isEqualTo(60);
            assertThat(genealogy.get("firmware").get(0).get("releaseId").asString())
                    .isEqualTo(release.toString());
            assertThat(genealogy.get("key").get("verified").asBoolean()).isTrue();
        }
        assertThat(serials(quality()
                        .get("/api/trace/where-used?releaseId=" + release)
                        .json()))
                .containsExactlyInAnyOrder(provisioningFirst.serial.value(), unitFirst.serial.value());
    }

    @Test
    void searchesByCombinedCriteriaAPageAtATime() {
        var workOrder = "WO-9" + String.format("%05d", (int) (Math.random() * 99_999));
        var start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        var version = Story.unique("7.0");
        var stories = new ArrayList<Story>();
        for (int i = 0; i < 5; i++) {
            var story = Story.aUnitStartingAt(start.plusSeconds(i * 60L))
                    .initialized(workOrder, "AX4-ENT", 3)
                    .arrived(70, "TST-1");
            if (i % 2 == 0) {
                story.failed(70, "IMU-CAL-FAIL");
            } else {
                story.passed(70, 80);
            }
            if (i < 2) {
                story.flashed(FirmwareModule.FLIGHT_CONTROLLER, UUID.randomUUID(), version, Story.randomSha256());
            }
            stories.add(story);
        }
        stories.forEach(Story::send);
        var serials = stories.stream().map(s -> s.serial.value()).toList();
        await().atMost(WAIT)
                .until(() -> quality()
                                .get("/api/trace/units?workOrder=" + workOrder + "&firmwareVersion=" + version)
                                .json()
                                .get("units")
                                .size()
                        == 2);

        assertThat(serials(
                        quality().get("/api/trace/units?workOrder=" + workOrder).json()))
                .containsExactlyElementsOf(serials.stream().sorted().toList());
        assertThat(serials(quality()
                        .get("/api/trace/units?workOrder=" + workOrder + "&defect=IMU-CAL-FAIL")
                        .json()))
                .containsExactlyElementsOf(Stream.of(serials.get(0), serials.get(2), serials.get(4))
                        .sorted()
                        .toList());
        assertThat(serials(quality()
                        .get("/api/trace/units?firmwareVersion=" + version + "&status=IN_WORK")
                        .json()))
                .containsExactlyElementsOf(
                        Stream.of(serials.get(0), serials.get(1)).sorted().toList());
        assertThat(serials(quality()
                        .get("/api/trace/units?serial=" + serials.get(3))
                        .json()))
                .containsExactly(serials.get(3));

        // At a station in a window: in the order the units arrived, a page at a time.
        var window = "station=TST-1&from=" + start + "&to=" + start.plus(1, ChronoUnit.HOURS);
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = quality()
                    .get("/api/trace/units?size=2&" + window + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            seen.addAll(serials(page));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(serials);
        assertThat(serials(quality()
                        .get("/api/trace/units?" + window + "&defect=IMU-CAL-FAIL&workOrder=" + workOrder)
                        .json()))
                .containsExactlyElementsOf(Stream.of(serials.get(0), serials.get(2), serials.get(4))
                        .sorted()
                        .toList());
    }

    @Test
    void refusesBadInputSayingWhatIsWrongAndUnknownSerialsWith404() {
        var quality = quality();
        var now = Instant.now();
        expectProblem(quality.get("/api/trace/units/" + Story.newSerial() + "/genealogy"), 404, "unknown-serial");
        expectProblem(quality.get("/api/trace/units/" + Story.newSerial()), 404, "unknown-serial");
        expectProblem(quality.get("/api/trace/units/NOT-A-SERIAL/genealogy"), 400, "malformed-serial");
        expectProblem(quality.get("/api/trace/units?serial=LTRCA0000"), 400, "malformed-serial");
        expectProblem(quality.get("/api/trace/units"), 400, "search-too-broad");
        expectProblem(quality.get("/api/trace/units?partNumber=MTR-2306"), 400, "search-too-broad");
        expectProblem(quality.get("/api/trace/units?station=TST-1"), 400, "invalid-window");
        expectProblem(
                quality.get("/api/trace/units?from=" + now.minusSeconds(60) + "&to=" + now), 400, "invalid-window");
        expectProblem(
                quality.get("/api/trace/units?station=TST-1&from=" + now.minus(40, ChronoUnit.DAYS) + "&to=" + now),
                400,
                "invalid-window");
        expectProblem(
                quality.get("/api/trace/units?station=TST-1&from=" + now + "&to=" + now.minusSeconds(1)),
                400,
                "invalid-window");
        expectProblem(quality.get("/api/trace/units?station=TST-1&from=yesterday&to=" + now), 400, "invalid-parameter");
        expectProblem(quality.get("/api/trace/units?status=LOST"), 400, "invalid-parameter");
        expectProblem(quality.get("/api/trace/units?workOrder=WO-12"), 400, "invalid-id");
        expectProblem(quality.get("/api/trace/units?status=HELD&size=0"), 400, "invalid-page-size");
        expectProblem(quality.get("/api/trace/units?status=HELD&size=501"), 400, "invalid-page-size");
        expectProblem(quality.get("/api/trace/units?status=HELD&cursor=bm9wZQ"), 400, "invalid-cursor");
        expectProblem(quality.get("/api/trace/where-used"), 400, "search-too-broad");
        expectProblem(quality.get("/api/trace/where-used?lot=L-1"), 400, "invalid-criterion");
        expectProblem(quality.get("/api/trace/where-used?lot=L-1&partNumber=P&partSerial=S"), 400, "invalid-criterion");
        expectProblem(quality.get("/api/trace/where-used?sha256=abc"), 400, "invalid-criterion");
        expectProblem(quality.get("/api/trace/where-used?releaseId=not-a-uuid"), 400, "invalid-parameter");
        expectProblem(quality.get("/api/trace/where-used?partSerial=S-1&size=1000"), 400, "invalid-page-size");
        expectProblem(quality.get("/api/trace/where-used.csv", "text/csv"), 400, "search-too-broad");
        // A cursor of one query is refused by another, instead of silently skipping units.
        var cursorOfOther = new Cursors(quality).firstNext();
        if (cursorOfOther != null) {
            expectProblem(
                    quality.get("/api/trace/units?status=SCRAPPED&cursor=" + cursorOfOther), 400, "invalid-cursor");
        }

        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/trace/units?status=HELD")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.at(port).get("/api/trace/units?status=HELD").status())
                .isEqualTo(401);
        for (var reader : List.of("supervisor", "manager", "engineer", "admin")) {
            assertThat(ApiClient.at(port)
                            .as(reader)
                            .get("/api/trace/units?status=HELD")
                            .status())
                    .as(reader)
                    .isEqualTo(200);
        }
    }

    /** A cursor handed out by a search of held units, when there are at least two. */
    private record Cursors(ApiClient client) {
        String firstNext() {
            var next = client.get("/api/trace/units?status=HELD&size=1").json().get("next");
            return next == null || next.isNull() ? null : next.asString();
        }
    }

    private static void expectProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:" + type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> until) {
        var holder = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            var response = quality().get(path);
            if (response.status() != 200) {
                return false;
            }
            holder[0] = response.json();
            return until.test(holder[0]);
        });
        return holder[0];
    }

    private static List<String> serials(JsonNode page) {
        var serials = new ArrayList<String>();
        page.get("units").forEach(u -> serials.add(u.get("serial").asString()));
        return serials;
    }

    private static String status(JsonNode page, String serial) {
        for (var unit : page.get("units")) {
            if (unit.get("serial").asString().equals(serial)) {
                return unit.get("status").asString();
            }
        }
        return "absent";
    }
}
