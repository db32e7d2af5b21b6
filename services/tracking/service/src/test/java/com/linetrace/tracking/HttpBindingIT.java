package com.linetrace.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.ScanVerdict.Verdict;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.StationOperations.CheckIn;
import com.linetrace.tracking.api.StationOperations.CheckOut;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.tracking.api.UnitStatuses;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderPlanning.ReleaseRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracking's api interfaces called over HTTP through Spring's HTTP interface clients, against the controllers that
 * implement them: the mappings, bodies, typed ids and problem types agree on both sides.
 */
@IntegrationTest
class HttpBindingIT {

    @LocalServerPort
    int port;

    <T> T client(Class<T> api, String user) {
        var json = JsonMapper.builder().build();
        var rest = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                // What a remote caller does with a problem+json answer: the api's own exception, by its type.
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    var problem = json.readTree(response.getBody());
                    var type = problem.path("type").asString();
                    var detail = problem.path("detail").asString();
                    var status = response.getStatusCode();
                    RuntimeException mapped = Arrays.stream(TrackingProblem.values())
                            .filter(p -> p.type().equals(type))
                            .findFirst()
                            .<RuntimeException>map(p -> p.exception(detail))
                            .orElseGet(() -> new IllegalStateException(status + " " + type));
                    throw mapped;
                })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(api);
    }

    @Test
    void walksAUnitThroughItsFirstStationOverHttp() {
        var planning = client(WorkOrderPlanning.class, "supervisor");
        var released = planning.release(new ReleaseRequest("AX4-ENT", LineId.parse("L1"), 1, null));
        assertThat(released.serials()).hasSize(1);
        assertThat(planning.workOrder(WorkOrderNumber.parse(released.number()))).isEqualTo(released);
        assertThat(planning.labels(WorkOrderNumber.parse(released.number()))).startsWith("%PDF".getBytes());
        assertThat(planning.lines()).extracting(WorkOrderPlanning.Choice::id).contains("L1");

        var station = client(StationOperations.class, "operator");
        var asm1 = StationId.parse("ASM-1");
        var serial = released.serials().getFirst();
        var in = station.checkIn(asm1, new CheckIn(serial));
        assertThat(in.verdict()).as(in.message()).isEqualTo(Verdict.ACCEPTED);
        assertThat(in.actor()).as("the worker is the caller").isEqualTo("operator");
        var work = station.work(asm1, Serial.parse(serial));
        assertThat(work.operation()).isEqualTo(10);
        var out = station.checkOut(asm1, new CheckOut(serial, Result.FAIL, List.of("SCREW-TORQUE")));
        assertThat(out.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(station.recentScans(asm1, 5)).extracting(v -> v.scanId()).contains(in.scanId(), out.scanId());
        assertThat(station.lineStatus(LineId.parse("L1")).lineId()).isEqualTo("L1");
        assertThat(station.stations()).extracting(s -> s.id()).contains("ASM-1", "PCK-1");

        var holds = client(UnitHolds.class, "quality");
        var held = holds.hold(UnitHolds.HoldRequest.of(List.of(serial), "loose screws"));
        assertThat(held.held()).containsExactly(serial);
        assertThat(client(UnitStatuses.class, "quality").of(new UnitStatuses.Serials(List.of(serial))))
                .containsEntry(serial, "IN_PROGRESS (held)");
        holds.release(
                serial,
                new UnitHolds.Reason(
                        "screws torqued again", new SignatureCredential("quality", SignatureMeaning.APPROVED)));

        var editor = client(MasterDataEditor.class, "engineer");
        assertThat(editor.stations(LineId.parse("L1")))
                .extracting(MasterDataEditor.StationSpec::id)
                .contains("ASM-1");
        assertThat(editor.currentRoute("AX4-ENT").model()).isEqualTo("AX4-ENT");
    }

    @Test
    void getsTheApisExceptionsBackFromTheProblemTypes() {
        var station = client(StationOperations.class, "operator");
        assertThatThrownBy(() -> station.checkIn(StationId.parse("NOPE-9"), new CheckIn("LTRCA0000000010")))
                .isInstanceOf(UnknownStationException.class)
                .hasMessage("No station has the id 'NOPE-9'");
        var neverIssued = Serial.issue("LTRC", 33_000_000_002L, 9).value();
        assertThatThrownBy(() -> client(UnitHolds.class, "quality")
                        .release(
                                neverIssued,
                                new UnitHolds.Reason(
                                        "not here", new SignatureCredential("quality", SignatureMeaning.APPROVED))))
                .isInstanceOfSatisfying(
                        HoldRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.UNKNOWN_SERIAL));
        assertThatThrownBy(() -> client(WorkOrderPlanning.class, "supervisor")
                        .release(new ReleaseRequest("NO-MODEL", LineId.parse("L1"), 1, null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.INVALID_WORK_ORDER));
    }
}
