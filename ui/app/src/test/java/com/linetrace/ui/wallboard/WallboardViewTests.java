package com.linetrace.ui.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.IssuedWallboard;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.StationState;
import com.linetrace.metrics.api.Wallboard;
import com.linetrace.metrics.api.WallboardRequest;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class WallboardViewTests extends BrowserlessTest {

    private final Metrics metrics = new Metrics();

    private WallboardView open(String token) {
        var view = new WallboardView(metrics);
        view.useToken(token);
        UI.getCurrent().add(view);
        return view;
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    @Test
    void showsTheLineOfItsTokenInLargeTypeWithItsAlertsAndNothingToClick() {
        open("good-token");

        assertThat(text("wallboard-line")).isEqualTo("Line L1 · Day");
        assertThat(text("wallboard-this-hour")).isEqualTo("42 / 50");
        assertThat(text("wallboard-yield")).isEqualTo("93.0 %");
        assertThat($(com.vaadin.flow.component.html.Div.class)
                        .id("andon-alerts")
                        .getElement()
                        .getTextRecursively())
                .contains("Station stalled", "TST-2 has work and no event for 12 min");
        assertThat($(Button.class).all()).as("read-only").isEmpty();
        assertThat(metrics.tokens).containsExactly("good-token");
    }

    @Test
    void keepsTryingToReachThePlantAfterANetworkDropAndRefreshesItself() {
        open("good-token");

        var reconnect = UI.getCurrent().getReconnectDialogConfiguration();
        assertThat(reconnect.getReconnectAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(reconnect.getReconnectInterval()).isEqualTo(5_000);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(WallboardView.REFRESH_MILLIS);
    }

    @Test
    void emptiesTheScreenAtTheNextRefreshOnceTheTokenIsRevoked() {
        var view = open("good-token");
        metrics.revoked = true;

        view.refresh();

        assertThat(view.shownMessage()).contains("not valid any more");
        assertThat(text("wallboard-this-hour")).isEqualTo("–");
        assertThat(text("wallboard-line")).isEmpty();
    }

    @Test
    void saysSoWithoutAToken() {
        var view = open(null);

        assertThat(view.shownMessage()).contains("no token");
        assertThat(metrics.tokens).isEmpty();
    }

    @Test
    void letsAnAdminIssueAWallboardShowingItsLinkOnceAndRevokeIt() {
        var admin = new WallboardsView(metrics, com.linetrace.ui.UiSettings.defaults());
        UI.getCurrent().add(admin);

        test(admin.issue).click();
        assertThat(metrics.issued).as("no name, no wallboard").isEmpty();
        test(admin.name).setValue("Hall 2, by the pack-out");
        test(admin.issue).click();

        assertThat(admin.link.getText()).endsWith("/wallboard?token=good-token");
        assertThat(test(admin.wallboards).size()).isEqualTo(1);
        var tv = open("good-token");
        assertThat(tv.shownMessage()).isEmpty();

        admin.revoke(metrics.issued.getFirst());
        tv.refresh();

        assertThat(metrics.issued.getFirst().revoked()).isTrue();
        assertThat(tv.shownMessage()).contains("not valid any more");
    }

    private static final class Metrics implements LineMetrics {
        volatile boolean revoked;
        final List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public LinePerformance wallboard(@org.jspecify.annotations.Nullable String token) {
            tokens.add(token);
            if (revoked || !"good-token".equals(token)) {
                throw MetricsProblem.WALLBOARD_TOKEN_REFUSED.exception("refused");
            }
            var now = Instant.now();
            return new LinePerformance(
                    "L1",
                    now,
                    "America/Los_Angeles",
                    new LinePerformance.Shift("Day", now.minusSeconds(3600), now.plusSeconds(3600)),
                    new LinePerformance.Output(42, 60, 49.6),
                    new LinePerformance.Output(300, 480, 320),
                    300,
                    12,
                    0,
                    0.93,
                    0.9,
                    now,
                    now,
                    List.of(new LinePerformance.StationPerformance(
                            "TST-2", "TEST", 1, 3, StationState.UNSCHEDULED_DOWN, 5, 40, 0.9, now.minusSeconds(720))),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(new AndonAlert(
                            UUID.randomUUID(),
                            "L1",
                            "TST-2",
                            AndonRule.STATION_STALLED,
                            "TST-2",
                            "TST-2 has work and no event for 12 min",
                            now.minusSeconds(120),
                            null,
                            null,
                            null,
                            null)));
        }

        @Override
        public LinePerformance line(LineId line) {
            throw new AssertionError("a wallboard asks with its token, as no one");
        }

        @Override
        public AndonAlert acknowledge(UUID alert, AlertAcknowledgement acknowledgement) {
            throw new UnsupportedOperationException();
        }

        final List<Wallboard> issued = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public IssuedWallboard issueWallboard(WallboardRequest request) {
            if (request.name() == null || request.name().isBlank()) {
                throw MetricsProblem.INVALID_WALLBOARD.exception("A wallboard needs a name: where it hangs");
            }
            var wallboard = new Wallboard(
                    UUID.randomUUID(), request.line(), request.name(), "admin", Instant.now(), null, null);
            issued.addFirst(wallboard);
            return new IssuedWallboard(wallboard, "good-token");
        }

        @Override
        public List<Wallboard> wallboards() {
            return List.copyOf(issued);
        }

        @Override
        public Wallboard revokeWallboard(UUID wallboard) {
            var found = issued.stream()
                    .filter(w -> w.id().equals(wallboard))
                    .findFirst()
                    .orElseThrow();
            var revokedOne = new Wallboard(
                    found.id(), found.line(), found.name(), found.issuedBy(), found.issuedAt(), "admin", Instant.now());
            issued.replaceAll(w -> w.id().equals(wallboard) ? revokedOne : w);
            revoked = true;
            return revokedOne;
        }
    }
}
