package com.linetrace.tracking.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import com.linetrace.tracking.LineDriver;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderPlanning.Choice;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import com.linetrace.tracking.route.MasterData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class WorkOrdersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkOrderPlanning planning;

    @Autowired
    MasterData masterData;

    LineDriver line;

    @BeforeEach
    void setUp() {
        line = new LineDriver(port, jdbc);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void publishesEachReleasedWorkOrderOnTheLineEventsKeyedByItsLine() {
        var due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        var number = ApiClient.at(port)
                .as("supervisor")
                .post(
                        "/api/work-orders",
                        "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":3,\"dueDate\":\"" + due + "\"}")
                .json()
                .get("number")
                .asString();

        var records = TopicProbe.read(
                Topics.LINE_EVENTS,
                Duration.ofSeconds(20),
                record -> LineEvent.CODEC
                        .decode(record.value())
                        .body()
                        .equals(new WorkOrderReleased(number, "AX4-ENT", 3, due)));
        var record = records.stream()
                .filter(r -> LineEvent.CODEC.decode(r.value()).body() instanceof WorkOrderReleased w
                        && w.workOrder().equals(number))
                .toList();
        assertThat(record).hasSize(1);
        assertThat(record.getFirst().key()).isEqualTo("L1");
        var event = LineEvent.CODEC.decode(record.getFirst().value());
        assertThat(event.line()).isEqualTo("L1");
        assertThat(event.actor()).isEqualTo("supervisor");
        assertThat(event.plant()).isEqualTo("CA1");
    }

    @Test
    void listsTheLatestWorkOrdersFirstWithWhereTheirUnitsStand() {
        var due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        var released = ApiClient.at(port)
                .as("supervisor")
                .post(
                        "/api/work-orders",
                        "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":5,\"dueDate\":\"" + due + "\"}")
                .json();
        var number = released.get("number").asString();
        var serials = new ArrayList<String>();
        released.get("serials").forEach(s -> serials.add(s.asString()));

        var fresh = row(number);
        assertThat(fresh.get("model").asString()).isEqualTo("AX4-ENT");
        assertThat(fresh.get("lineId").asString()).isEqualTo("L1");
        assertThat(fresh.get("quantity").asInt()).isEqualTo(5);
        assertThat(fresh.get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(fresh.get("createdBy").asString()).isEqualTo("supervisor");
        assertThat(progress(fresh)).containsExactly(5, 0, 0, 0, 0);

        line.walk(serials.get(0), 100);
        assertThat(line.scan("ASM-1", serials.get(1)).json().get("verdict").asString())
                .isEqualTo("ACCEPTED");
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .post("/api/holds", "{\"serials\":[\"" + serials.get(2) + "\"],\"reason\":\"dropped\"}")
                        .status())
                .isEqualTo(200);
        assertThat(ApiClient.at(port)
                        .as("quality")
                        .post(
                                "/api/units/" + serials.get(3) + "/scrap",
                                "{\"reason\":\"frame cracked\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);

        // not started, in work, held, completed, scrapped: each unit counted once.
        assertThat(progress(row(number))).containsExactly(1, 1, 1, 1, 1);

        var newer = line.newSerials(1);
        var numbers = listAs("manager", 100).stream()
                .map(order -> order.get("number").asString())
                .toList();
        assertThat(numbers.getFirst()).isEqualTo(workOrderOf(newer.getFirst()));
        assertThat(numbers).contains(number);
    }

    @Test
    void refusesWhatCannotBeReleasedInWordsAndReleasesNothing() {
        var withoutRoute = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        masterData.addModel(withoutRoute, "Model without a route");
        var before = workOrderCount();
        signInAs("SUPERVISOR");

        assertRefused(() -> release("NO-SUCH-MODEL", "L1", 3, null), "No model has the id 'NO-SUCH-MODEL'");
        assertRefused(() -> release(withoutRoute, "L1", 3, null), "Model '" + withoutRoute + "' has no approved route");
        assertRefused(() -> release("AX4-ENT", "L9", 3, null), "No line has the id 'L9'");
        assertRefused(() -> release("AX4-ENT", "L1", 0, null), "A work order builds 1 to 10000 units, not 0");
        assertRefused(() -> release("AX4-ENT", "L1", 10_001, null), "A work order builds 1 to 10000 units");
        var past = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        assertRefused(() -> release("AX4-ENT", "L1", 3, past), "The due date " + past + " is in the past");
        assertRefused(() -> release(" ", "L1", 3, null), "Pick the model to build");
        assertRefused(() -> planning.workOrders(0), "Ask for 1 to 1000 work orders");

        assertThat(workOrderCount()).isEqualTo(before);

        var overHttp = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"" + withoutRoute + "\",\"line\":\"L1\",\"quantity\":2}");
        assertThat(overHttp.status()).isEqualTo(400);
        assertThat(overHttp.isProblem()).isTrue();
        assertThat(overHttp.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-work-order");
        assertThat(overHttp.json().get("detail").asString()).contains("has no approved route");
        var badLimit = ApiClient.at(port).as("supervisor").get("/api/work-orders?limit=5000");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asString()).isEqualTo("Ask for 1 to 1000 work orders, not 5000");
        assertThat(workOrderCount()).isEqualTo(before);
    }

    @Test
    void offersTheModelsWithARouteAndTheLines() {
        var withoutRoute = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        masterData.addModel(withoutRoute, "Model without a route");
        signInAs("ENGINEER");

        assertThat(planning.modelsWithRoute())
                .contains(new Choice("AX4-ENT", "AX4 Enterprise quadcopter"))
                .extracting(Choice::id)
                .doesNotContain(withoutRoute);
        assertThat(planning.lines()).contains(new Choice("L1", "Final assembly line 1"));
    }

    @Test
    void printsTheLabelsOfAWorkOrder() {
        signInAs("ENGINEER");
        var released = release("AX4-ENT", "L1", 2, null);

        var pdf = planning.labels(WorkOrderNumber.parse(released.number()));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> planning.labels(WorkOrderNumber.parse("WO-999999")))
                .isInstanceOfSatisfying(
                        WorkOrderRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.UNKNOWN_WORK_ORDER))
                .hasMessage("No work order WO-999999");
    }

    @Test
    void onlyPlanningRolesReleaseAndPrintWhileQualityAndManagersRead() {
        signInAs("SUPERVISOR");
        var number = release("AX4-ENT", "L1", 1, null).number();
        var before = workOrderCount();

        signInAs("QUALITY");
        assertThat(planning.workOrders(10))
                .extracting(WorkOrderPlanning.Summary::number)
                .contains(number);
        assertThatThrownBy(() -> release("AX4-ENT", "L1", 1, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> planning.labels(WorkOrderNumber.parse(number)))
                .isInstanceOf(AccessDeniedException.class);
        signInAs("OPERATOR");
        assertThatThrownBy(() -> planning.workOrders(10)).isInstanceOf(AccessDeniedException.class);
        assertThat(workOrderCount()).isEqualTo(before);

        var operator = ApiClient.at(port).as("operator").get("/api/work-orders");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.isProblem()).isTrue();
        assertThat(ApiClient.at(port).as("quality").get("/api/work-orders").status())
                .isEqualTo(200);
    }

    private WorkOrderPlanning.Released release(String model, String lineId, int quantity, @Nullable LocalDate due) {
        return planning.release(new WorkOrderPlanning.ReleaseRequest(model, LineId.parse(lineId), quantity, due));
    }

    private static void assertRefused(ThrowingCallable request, String message) {
        assertThatThrownBy(request)
                .isInstanceOf(WorkOrderRefusedException.class)
                .hasMessageStartingWith(message);
    }

    private void signInAs(String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        role.toLowerCase(), null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private List<JsonNode> listAs(String user, int limit) {
        var response = ApiClient.at(port).as(user).get("/api/work-orders?limit=" + limit);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var rows = new ArrayList<JsonNode>();
        response.json().forEach(rows::add);
        return rows;
    }

    private JsonNode row(String number) {
        return listAs("supervisor", 1000).stream()
                .filter(order -> order.get("number").asString().equals(number))
                .findFirst()
                .orElseThrow();
    }

    private static List<Integer> progress(JsonNode order) {
        return List.of(
                order.get("notStarted").asInt(),
                order.get("inWork").asInt(),
                order.get("held").asInt(),
                order.get("completed").asInt(),
                order.get("scrapped").asInt());
    }

    private String workOrderOf(String serial) {
        return line.unitColumn(serial, "work_order");
    }

    private long workOrderCount() {
        return jdbc.sql("select count(*) from tracking.work_order")
                .query(Long.class)
                .single();
    }
}
