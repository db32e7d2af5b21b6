package com.linetrace.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.audit.api.AuditEntry;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class AuditViewTests extends BrowserlessTest {

    private final FakeAuditLedger ledger = new FakeAuditLedger();

    private AuditView open() {
        var view = new AuditView(ledger);
        UI.getCurrent().add(view);
        return view;
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> shown() {
        Grid<AuditEntry> grid = $(Grid.class).id("audit-entries");
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    void showsTheNewestEntriesAndTheLatestCheckpointOnOpening() {
        ledger.add("UnitsArrived", "operator", "LTRCA000000015").add("UnitHeld", "supervisor", "LTRCA000000015");

        var view = open();

        assertThat(shown()).extracting(AuditEntry::index).containsExactly(1L, 0L);
        assertThat(view.checkpoint.getText()).contains("Tree of 2 entries").contains("linetrace/CA1/audit\n2\n");
    }

    @Test
    void searchesBySerialPersonActionAndTime() {
        ledger.add("UnitsArrived", "operator", "LTRCA000000015")
                .add("UnitReleased", "quality", "LTRCA000000015")
                .add("UnitReleased", "quality", "LTRCA000000024")
                .add("UnitReleased", "admin", "LTRCA000000015");
        var view = open();

        test(view.serial).setValue("LTRCA000000015");
        test(view.person).setValue("quality");
        test(view.action).setValue("UnitReleased");
        view.from.setValue(LocalDateTime.ofInstant(FakeAuditLedger.AT, ZoneId.systemDefault()));
        click("audit-search");

        assertThat(shown()).extracting(AuditEntry::index).containsExactly(1L);
        assertThat(ledger.calls.getLast())
                .isEqualTo("search LTRCA000000015 quality UnitReleased " + FakeAuditLedger.AT + " null null");
    }

    @Test
    void pagesOlderEntriesBelowTheLastShown() {
        for (var i = 0; i < AuditView.PAGE + 5; i++) {
            ledger.add("UnitsArrived", "operator", null);
        }
        var view = open();
        assertThat(shown()).hasSize(AuditView.PAGE);
        assertThat(view.older.isEnabled()).isTrue();

        click("audit-older");

        assertThat(shown()).extracting(AuditEntry::index).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(ledger.calls.getLast()).endsWith(" 5");
        assertThat(view.older.isEnabled()).isFalse();
    }

    @Test
    void aMalformedCriterionIsRefusedInWords() {
        var view = open();
        test(view.serial).setValue("<b>");

        click("audit-search");

        var answer = $(Div.class).id("audit-answer");
        assertThat(answer.getText()).contains("is not one");
        assertThat(answer.getElement().getAttribute("data-outcome")).isEqualTo("refused");
    }

    @Test
    void runsAVerificationAndShowsItsResult() {
        ledger.add("UnitsArrived", "operator", null);
        var view = open();

        click("audit-verify");
        assertThat(view.verification.getText()).startsWith("Intact: 1 entries and 1 checkpoints");

        ledger.intact = false;
        click("audit-verify");
        assertThat(view.verification.getText()).startsWith("BROKEN").contains("entry 3 was altered in its row");
        assertThat(view.verification.getElement().getAttribute("data-intact")).isEqualTo("false");
    }

    @Test
    void offersTheSelectedEntryForExportWithItsProof() {
        ledger.add("UnitsArrived", "operator", "LTRCA000000015");
        var view = open();
        assertThat(view.export.isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = (Grid<AuditEntry>) (Grid<?>) $(Grid.class).id("audit-entries");
        grid.select(ledger.entries.getFirst());

        assertThat(view.export.isVisible()).isTrue();
        assertThat(view.selected.getText())
                .contains("Entry 0: UnitsArrived by operator")
                .contains("LTRCA000000015");
    }
}
