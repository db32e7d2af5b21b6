package com.linetrace.ui.whereused;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.WhereUsed;
import com.linetrace.trace.api.WhereUsedQuery;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

@ViewPackages(classes = BlankRoute.class)
class WhereUsedViewTests extends BrowserlessTest {

    /** Trace's where-used over 1,200 units of one lot, answering a page at a time; and what tracking was asked. */
    private static final class Recall implements WhereUsed, UnitHolds {
        final KeysetPagesTests.Result lot = new KeysetPagesTests.Result(1_200);
        final List<WhereUsedQuery> queries = new ArrayList<>();
        final List<Integer> holdRequestSizes = new ArrayList<>();
        final List<String> held = new ArrayList<>();

        @Override
        public UnitPage whereUsed(
                @Nullable String partNumber,
                @Nullable String lotNumber,
                @Nullable String partSerial,
                @Nullable UUID releaseId,
                @Nullable String model,
                @Nullable FirmwareModule module,
                @Nullable String version,
                @Nullable String sha256,
                @Nullable String fingerprint,
                @Nullable String cursor,
                @Nullable Integer size) {
            var query = new WhereUsedQuery(
                    partNumber, lotNumber, partSerial, releaseId, model, module, version, sha256, fingerprint);
            queries.add(query);
            if (!"L-42".equals(lotNumber)) {
                throw TraceProblem.INVALID_CRITERION.exception("No such test lot");
            }
            return lot.page(cursor, size == null ? 50 : size);
        }

        @Override
        public ResponseEntity<Resource> whereUsedCsv(
                @Nullable String partNumber,
                @Nullable String lotNumber,
                @Nullable String partSerial,
                @Nullable UUID releaseId,
                @Nullable String model,
                @Nullable FirmwareModule module,
                @Nullable String version,
                @Nullable String sha256,
                @Nullable String fingerprint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExportReceipt exportWhereUsedCsv(
                @Nullable String partNumber,
                @Nullable String lotNumber,
                @Nullable String partSerial,
                @Nullable UUID releaseId,
                @Nullable String model,
                @Nullable FirmwareModule module,
                @Nullable String version,
                @Nullable String sha256,
                @Nullable String fingerprint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outcome hold(HoldRequest request) {
            holdRequestSizes.add(request.serials().size());
            held.addAll(request.serials());
            return new Outcome(request.serials(), List.of());
        }

        @Override
        public Outcome quarantineLot(Lot lot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void liftQuarantine(Lot lot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(String serial, Reason reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void scrap(String serial, Reason reason) {
            throw new UnsupportedOperationException();
        }
    }

    private final Recall recall = new Recall();

    private WhereUsedView openAs(String role) {
        var view = new WhereUsedView(recall, recall, new Viewer("someone", Set.of(role)));
        UI.getCurrent().add(view);
        return view;
    }

    private WhereUsedView findLot(String role) {
        var view = openAs(role);
        test(view.partNumber).setValue("MTR-2306");
        test(view.lot).setValue("L-42");
        test(view.find).click();
        return view;
    }

    @Test
    void findsTheUnitsOfALotOnePageAtATime() {
        var view = findLot("QUALITY");

        assertThat(view.answerText()).isEqualTo("More than 50 units contain lot L-42 of MTR-2306.");
        var grid = test(view.units);
        assertThat(grid.getCellText(0, 1)).isEqualTo("IN_WORK");
        assertThat(recall.queries).allMatch(q -> q.equals(WhereUsedQuery.lot("MTR-2306", "L-42")));
        assertThat(recall.queries.size())
                .as("pages asked of trace for the first screen, not the 1,200 units")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void holdsEveryUnitOfTheResultInTracesLargestPages() {
        var view = findLot("SUPERVISOR");
        test(view.holdReason).setValue("Motor lot L-42 recalled by the supplier");

        view.confirmHoldAll();
        test($(Button.class).id("confirm-hold-all")).click();

        assertThat(recall.held).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(recall.holdRequestSizes).containsExactly(500, 500, 200);
        assertThat(view.answerText()).isEqualTo("Held 1200 units containing lot L-42 of MTR-2306.");
    }

    @Test
    void theHoldIsNotOfferedToManagersEngineersOrAdmins() {
        for (var role : List.of("MANAGER", "ENGINEER", "ADMIN")) {
            var view = findLot(role);
            assertThat(view.holdAll.getParent().orElseThrow().isVisible())
                    .as(role)
                    .isFalse();
        }
        assertThat(findLot("QUALITY").holdAll.getParent().orElseThrow().isVisible())
                .isTrue();
    }

    @Test
    void showsTracesRefusalAndAsksNothingWithoutALot() {
        var view = openAs("QUALITY");
        test(view.partNumber).setValue("MTR-2306");
        test(view.find).click();

        assertThat(view.lot.isInvalid()).isTrue();
        assertThat(recall.queries).isEmpty();

        test(view.lot).setValue("L-UNKNOWN");
        test(view.find).click();
        assertThat(view.answerText()).isEqualTo("No such test lot");
        assertThat(view.units.isVisible()).isFalse();
    }
}
