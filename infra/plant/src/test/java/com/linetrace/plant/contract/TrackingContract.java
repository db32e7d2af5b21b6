package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.LineSpec;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * What tracking's apis promise, whichever binding answers: master data kept and refused by its rules, an unknown
 * station or work order refused as such, each refusal the api's own exception with its {@link TrackingProblem}, and
 * master data only for engineers and admins.
 */
abstract class TrackingContract {

    abstract StationOperations operations();

    abstract MasterDataEditor masterData();

    abstract WorkOrderPlanning workOrders();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("engineer", Roles.ENGINEER);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void keepsANewLineAndRefusesItsIdASecondTime() {
        var line = new LineSpec(newId(), "Contract line");

        assertThat(masterData().addLine(line)).isEqualTo(line);
        assertThat(masterData().lines()).contains(line);
        assertThatThrownBy(() -> masterData().addLine(new LineSpec(line.id(), "Another name")))
                .isInstanceOfSatisfying(
                        MasterDataRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.ALREADY_EXISTS));
    }

    @Test
    void refusesAStationThatDoesNotExist() {
        var none = StationId.parse(newId());

        assertThatThrownBy(() -> operations().recentScans(none, 5))
                .isInstanceOfSatisfying(
                        UnknownStationException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.UNKNOWN_STATION))
                .hasMessageContaining(none.value());
    }

    @Test
    void refusesAWorkOrderThatDoesNotExist() {
        TestTokens.signIn("supervisor", Roles.SUPERVISOR);
        var none = WorkOrderNumber.of(999_999_999L);

        assertThatThrownBy(() -> workOrders().workOrder(none))
                .isInstanceOfSatisfying(
                        WorkOrderRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.UNKNOWN_WORK_ORDER));
    }

    @Test
    void refusesAWorkOrderForAModelItDoesNotKnow() {
        var line = masterData().addLine(new LineSpec(newId(), "Contract line"));
        TestTokens.signIn("supervisor", Roles.SUPERVISOR);

        assertThatThrownBy(() -> workOrders()
                        .release(new WorkOrderPlanning.ReleaseRequest(
                                "NO-SUCH-MODEL", LineId.parse(line.id()), 1, null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(TrackingProblem.INVALID_WORK_ORDER));
    }

    @Test
    void refusesAnOperatorMasterData() {
        TestTokens.signIn("operator", Roles.OPERATOR);

        assertThatThrownBy(() -> masterData().addLine(new LineSpec(newId(), "Not theirs")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> masterData().lines()).isInstanceOf(AccessDeniedException.class);
    }

    private static String newId() {
        return "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
