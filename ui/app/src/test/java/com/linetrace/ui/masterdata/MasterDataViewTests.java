package com.linetrace.ui.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.tracking.api.MasterDataEditor.LineSpec;
import com.linetrace.tracking.api.MasterDataEditor.ModelSpec;
import com.linetrace.tracking.api.MasterDataEditor.OperationSpec;
import com.linetrace.tracking.api.MasterDataEditor.PartSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteState;
import com.linetrace.tracking.api.MasterDataEditor.StationSpec;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@ViewPackages(classes = BlankRoute.class)
class MasterDataViewTests extends BrowserlessTest {

    private final FakeMasterDataEditor tracking = new FakeMasterDataEditor();

    private MasterDataView open() {
        var view = new MasterDataView(tracking, new Viewer("engineer", Set.of("ENGINEER")));
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void addsALineAndItsStationThenRenamesTheStation() {
        var lines = open().lines;
        test(lines.lineId).setValue("L2");
        test(lines.lineName).setValue("Second line");
        test(lines.addLine).click();
        assertThat(lines.line.getValue()).isEqualTo(new LineSpec("L2", "Second line"));

        test(lines.stationId).setValue("ASM-21");
        test(lines.stationName).setValue("Bench");
        lines.kind.setValue("ASSEMBLY");
        test(lines.flowOrder).setValue(10);
        lines.roles.setValue(Set.of("SUPERVISOR", "OPERATOR"));
        test(lines.addStation).click();

        var added = new StationSpec("ASM-21", "L2", "ASSEMBLY", 10, "Bench", List.of("OPERATOR", "SUPERVISOR"));
        assertThat(tracking.stations).containsExactly(added);
        assertThat(lines.answerText()).isEqualTo("Added station ASM-21 (ASSEMBLY) to line L2.");
        assertThat(test(lines.stations).size()).isEqualTo(1);

        test(lines.stations).select(0);
        assertThat(lines.stationId.isReadOnly()).as("a station keeps its id").isTrue();
        assertThat(lines.addStation.isEnabled()).isFalse();
        test(lines.stationName).setValue("Arm bench");
        test(lines.saveStation).click();
        assertThat(tracking.calls.getLast())
                .isEqualTo("updateStation ASM-21 "
                        + new StationSpec(
                                "ASM-21", "L2", "ASSEMBLY", 10, "Arm bench", List.of("OPERATOR", "SUPERVISOR")));
        assertThat(lines.labels.isEnabled()).isTrue();
    }

    @Test
    void marksAStationsMissingFieldsAndSendsNothing() {
        tracking.lines.add(new LineSpec("L1", "Line 1"));
        var lines = open().lines;
        test(lines.stationId).setValue("TST-9");

        test(lines.addStation).click();

        assertThat(lines.stationName.isInvalid()).isTrue();
        assertThat(lines.kind.isInvalid()).isTrue();
        assertThat(lines.flowOrder.isInvalid()).isTrue();
        assertThat(tracking.calls).isEmpty();
    }

    @Test
    void buildsTheFirstRouteOfANewModelWithItsParts() {
        var view = open();
        view.show(view.routesTab);
        var routes = view.routes;
        test(routes.modelId).setValue("AX5");
        test(routes.modelName).setValue("AX5 survey drone");
        test(routes.addModel).click();
        assertThat(routes.model.getValue()).isEqualTo(new ModelSpec("AX5", "AX5 survey drone"));
        assertThat(routes.version.getHelperText()).contains("No route yet");

        var dialog = routes.openOperation(null);
        roundTrip();
        assertThat(dialog.seq.getValue()).isEqualTo(10);
        test(dialog.name).setValue("Frame");
        dialog.kind.setValue("ASSEMBLY");
        test(dialog.instruction).setValue("Mount the arms");
        test(dialog.partNumber).setValue("arm-ax5");
        test(dialog.partDescription).setValue("Arm");
        test(dialog.quantity).setValue(4);
        test(dialog.addPart).click();
        test(dialog.partNumber).setValue("FC-H7");
        test(dialog.partDescription).setValue("Flight controller");
        test(dialog.serialized).click();
        test(dialog.addPart).click();
        test(dialog.done).click();

        var pack = routes.openOperation(null);
        roundTrip();
        assertThat(pack.seq.getValue()).as("the next number follows the last").isEqualTo(20);
        assertThat(pack.kind.getListDataView().getItems()).doesNotContain("REPAIR");
        test(pack.name).setValue("Pack");
        pack.kind.setValue("PACK");
        test(pack.done).click();

        routes.firmwareModules.setValue(Set.of("FLIGHT_CONTROLLER"));
        test(routes.requiresKey).click();
        test(routes.save).click();

        var saved = tracking.routes.get("AX5").getFirst();
        assertThat(saved.route())
                .isEqualTo(new RouteSpec(
                        3,
                        List.of(
                                new OperationSpec(
                                        10,
                                        "Frame",
                                        "ASSEMBLY",
                                        "Mount the arms",
                                        List.of(
                                                new PartSpec("ARM-AX5", "Arm", 4, false),
                                                new PartSpec("FC-H7", "Flight controller", 1, true))),
                                new OperationSpec(20, "Pack", "PACK", "", List.of())),
                        List.of("FLIGHT_CONTROLLER"),
                        true));
        assertThat(routes.answerText()).startsWith("Saved version 1 of the AX5 route as a draft.");
        assertThat(routes.versionState.getText()).startsWith("Draft: no unit follows it");
        assertThat(routes.version.getValue()).isEqualTo(saved);
    }

    @Test
    void startsTheNextVersionFromTheCurrentOne() {
        tracking.models.add(new ModelSpec("AX4", "AX4"));
        tracking.addRoute(
                "AX4",
                new RouteSpec(
                        2,
                        List.of(
                                new OperationSpec(10, "Frame", "ASSEMBLY", "", List.of()),
                                new OperationSpec(20, "Test", "TEST", "", List.of()),
                                new OperationSpec(30, "Pack", "PACK", "", List.of())),
                        List.of(),
                        false));
        var view = open();
        view.show(view.routesTab);
        var routes = view.routes;
        assertThat(routes.draft()).extracting(OperationSpec::seq).containsExactly(10, 20, 30);
        assertThat(routes.maxFailures.getValue()).isEqualTo(2);

        test(routes.operations).select(1);
        test(routes.removeOperation).click();
        test(routes.operations).select(0);
        var frame = routes.openOperation(routes.operations.asSingleSelect().getValue());
        roundTrip();
        test(frame.name).setValue("Frame and arms");
        test(frame.done).click();
        test(routes.save).click();

        var versions = tracking.routes.get("AX4");
        assertThat(versions).hasSize(2);
        assertThat(versions.getFirst().route().operations())
                .extracting(OperationSpec::seq, OperationSpec::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, "Frame and arms"),
                        org.assertj.core.groups.Tuple.tuple(30, "Pack"));
        assertThat(versions.getLast().route().operations())
                .as("a saved version never changes")
                .hasSize(3);
    }

    @Test
    void showsARefusalInWordsAndKeepsTheDraft() {
        tracking.models.add(new ModelSpec("AX4", "AX4"));
        var view = open();
        view.show(view.routesTab);
        var routes = view.routes;
        var dialog = routes.openOperation(null);
        roundTrip();
        test(dialog.name).setValue("Weld");
        dialog.kind.setValue("TEST");
        test(dialog.done).click();
        tracking.refuseNext("A route that requires firmware or a key ends with a PACK operation");

        test(routes.save).click();

        assertThat(routes.answerText()).isEqualTo("A route that requires firmware or a key ends with a PACK operation");
        assertThat(routes.draft()).hasSize(1);
        assertThat(tracking.routes).isEmpty();
    }

    @Test
    void qualityApprovesADraftVersionWithTheirSignatureAndSeesItCurrent() {
        tracking.models.add(new ModelSpec("AX4", "AX4"));
        var route = new RouteSpec(
                2,
                List.of(
                        new OperationSpec(10, "Frame", "ASSEMBLY", "", List.of()),
                        new OperationSpec(20, "Pack", "PACK", "", List.of())),
                List.of(),
                false);
        tracking.addRoute("AX4", route);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("quality", null, "ROLE_QUALITY"));
        try {
            var view = new MasterDataView(tracking, new Viewer("quality", Set.of("QUALITY")));
            UI.getCurrent().add(view);
            var routes = view.routes;
            assertThat(view.linesTab.isVisible())
                    .as("lines and stations are the engineers'")
                    .isFalse();
            assertThat(routes.save.isVisible()).isFalse();
            assertThat(routes.versionState.getText()).startsWith("Draft");
            assertThat(routes.approve.isEnabled()).isTrue();

            test(routes.approvalReason).setValue("Reviewed against ECO-7");
            test(routes.approve).click();
            assertThat(tracking.calls)
                    .as("nothing approved before the signature")
                    .doesNotContain("approveRoute");
            test($(PasswordField.class).id("route-approval-dialog-password")).setValue("wrong");
            test($(RadioButtonGroup.class).id("route-approval-dialog-meaning")).selectItem("Reviewed");
            test($(Button.class).id("route-approval-dialog-sign")).click();
            assertThat(routes.answerText()).contains("nothing was signed");
            assertThat(tracking.routes.get("AX4").getFirst().state()).isEqualTo(RouteState.DRAFT);

            test(routes.approve).click();
            test($(PasswordField.class).id("route-approval-dialog-password")).setValue("quality");
            test($(RadioButtonGroup.class).id("route-approval-dialog-meaning")).selectItem("Reviewed");
            test($(Button.class).id("route-approval-dialog-sign")).click();

            assertThat(tracking.calls).contains("approveRoute AX4 1 Reviewed against ECO-7 signed REVIEWED");
            assertThat(routes.answerText())
                    .isEqualTo("Approved version 1 of the AX4 route, signed by quality (REVIEWED). New work orders"
                            + " follow it.");
            assertThat(routes.versionState.getText()).startsWith("Current: new work orders follow it.");
            assertThat(routes.approve.isEnabled()).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
