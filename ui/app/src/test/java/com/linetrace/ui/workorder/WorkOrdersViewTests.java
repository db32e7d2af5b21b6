package com.linetrace.ui.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.tracking.api.WorkOrderPlanning.Summary;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class WorkOrdersViewTests extends BrowserlessTest {

    private final FakeWorkOrderPlanning tracking = new FakeWorkOrderPlanning();

    private WorkOrdersView openAs(String user, String role) {
        var view = new WorkOrdersView(tracking, new Viewer(user, Set.of(role)));
        UI.getCurrent().add(view);
        return view;
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    private Div answer() {
        return $(Div.class).id("work-orders-answer");
    }

    @Test
    void releasesAWorkOrderAndShowsItsSerialsAndItsRow() {
        var view = openAs("supervisor", "SUPERVISOR");
        var due = LocalDate.of(2030, 5, 17);
        test(view.model).selectItem("AX4-ENT · AX4 Enterprise quadcopter");
        test(view.quantity).setValue(12);
        test(view.due).setValue(due);

        click("release-work-order");

        assertThat(tracking.calls).containsExactly("release 12 AX4-ENT on L1 due 2030-05-17");
        assertThat(answer().getText())
                .isEqualTo("Released WO-000007: 12 serials LTRCA000000100–LTRCA000000111."
                        + " Print their labels from its row below.");
        assertThat(answer().getElement().getAttribute("data-outcome")).isEqualTo("done");
        var grid = test(view.workOrders);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("number"))).isEqualTo("WO-000007");
        assertThat(grid.getCellText(0, grid.getColumnPosition("notStarted"))).isEqualTo("12");
        assertThat(grid.getCellComponent(0, "labels"))
                .isInstanceOfSatisfying(
                        Anchor.class, link -> assertThat(link.getText()).isEqualTo("Labels (PDF)"));
        assertThat(view.quantity.getValue())
                .as("cleared, so a second click does not release it again")
                .isNull();
    }

    @Test
    void marksMissingFieldsAndReleasesNothing() {
        var view = openAs("engineer", "ENGINEER");
        assertThat(view.line.getValue()).as("the only line is picked already").isEqualTo("L1");
        view.line.clear();

        click("release-work-order");

        assertThat(view.model.isInvalid()).isTrue();
        assertThat(view.model.getErrorMessage()).isEqualTo("Pick the model to build");
        assertThat(view.line.isInvalid()).isTrue();
        assertThat(view.quantity.isInvalid()).isTrue();
        assertThat(view.quantity.getErrorMessage()).isEqualTo("How many units?");
        assertThat(view.due.isInvalid()).as("the due date is optional").isFalse();
        assertThat(tracking.calls).isEmpty();
        assertThat(test(view.workOrders).size()).isZero();
    }

    @Test
    void showsTrackingsRefusalInWordsAndReleasesNothing() {
        var view = openAs("supervisor", "SUPERVISOR");
        var past = LocalDate.now().minusDays(3);
        test(view.model).selectItem("AX2-MAP · AX2 mapper");
        test(view.quantity).setValue(20);
        test(view.due).setValue(past);

        click("release-work-order");

        assertThat(answer().getText()).isEqualTo("The due date " + past + " is in the past");
        assertThat(answer().getElement().getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(tracking.released).isEmpty();
        assertThat(test(view.workOrders).size()).isZero();
        assertThat(view.quantity.getValue()).as("kept, to be corrected").isEqualTo(20);
    }

    @Test
    void showsTheLatestWorkOrdersWithTheirProgress() {
        tracking.released.add(new Summary(
                "WO-000001",
                "AX4-ENT",
                "L1",
                2,
                24,
                null,
                "demo",
                java.time.Instant.parse("2030-01-02T08:00:00Z"),
                3,
                8,
                1,
                11,
                1));
        var view = openAs("manager", "MANAGER");

        var grid = test(view.workOrders);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("inWork"))).isEqualTo("8");
        assertThat(grid.getCellText(0, grid.getColumnPosition("held"))).isEqualTo("1");
        assertThat(grid.getCellText(0, grid.getColumnPosition("completed"))).isEqualTo("11");
        assertThat(grid.getCellText(0, grid.getColumnPosition("scrapped"))).isEqualTo("1");
    }

    @Test
    void offersReleaseAndLabelsOnlyToThoseWhoMayPlan() {
        for (var role : new String[] {"QUALITY", "MANAGER"}) {
            var reader = openAs(role.toLowerCase(), role);
            assertThat(reader.releaseForm.isVisible()).as(role).isFalse();
            assertThat(reader.workOrders.getColumnByKey("labels")).as(role).isNull();
            UI.getCurrent().removeAll();
        }
        for (var role : new String[] {"SUPERVISOR", "ENGINEER", "ADMIN"}) {
            var planner = openAs(role.toLowerCase(), role);
            assertThat(planner.releaseForm.isVisible()).as(role).isTrue();
            assertThat(planner.workOrders.getColumnByKey("labels")).as(role).isNotNull();
            UI.getCurrent().removeAll();
        }
    }

    @Test
    void offlineWritesLabelsToTheExportFolderInsteadOfOfferingThemToTheBrowser() {
        tracking.released.add(new Summary(
                "WO-000001",
                "AX4-ENT",
                "L1",
                2,
                24,
                null,
                "demo",
                java.time.Instant.parse("2030-01-02T08:00:00Z"),
                24,
                0,
                0,
                0,
                0));
        var view = new WorkOrdersView(tracking, new Viewer("supervisor", Set.of("SUPERVISOR")), true);
        UI.getCurrent().add(view);

        var labels = test(view.workOrders).getCellComponent(0, "labels");
        assertThat(labels).isInstanceOf(Button.class);
        test((Button) labels).click();

        assertThat(tracking.exported).containsExactly("WO-000001");
        assertThat(answer().getText()).startsWith("Written to the export folder: /srv/exports/labels-WO-000001");
        assertThat($(Anchor.class).all()).isEmpty();
    }
}
