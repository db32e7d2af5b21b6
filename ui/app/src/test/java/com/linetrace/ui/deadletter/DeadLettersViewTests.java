package com.linetrace.ui.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class DeadLettersViewTests extends BrowserlessTest {

    private final FakeDeadLetters messaging = new FakeDeadLetters();

    private DeadLettersView open() {
        var view = new DeadLettersView(messaging);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void listsDeadLettersNewestFirstWithTopicKeyTimeAndReason() {
        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "Unknown event type 'Nope'", true);
        messaging.add("linetrace.equipment-results.v1", "LTRCA000000024", "private key material (PEM)", false);
        var view = open();

        var grid = test(view.letters);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 1)).isEqualTo("linetrace.equipment-results.v1");
        assertThat(grid.getCellText(0, 2)).isEqualTo("LTRCA000000024");
        assertThat(grid.getCellText(0, 3)).isEqualTo("private key material (PEM)");
        assertThat(grid.getCellText(0, 4)).isEqualTo("open");
        assertThat(grid.getCellText(0, 5)).isEqualTo("linetrace-trace");
        assertThat(grid.getCellText(1, 0)).matches("2026-12-0[12] \\d\\d:\\d\\d:01");
        assertThat(view.paging.getText()).isEqualTo("Page 1 of 1 · 2 dead letters");
    }

    @Test
    void replaysTheSelectedDeadLetterWithAReasonAndShowsItSettled() {
        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "database was read-only", true);
        var view = open();
        test(view.letters).select(0);
        assertThat(view.replay.isEnabled()).isTrue();

        test(view.reason).setValue("read-only flag cleared");
        test(view.replay).click();

        assertThat(messaging.calls).contains("replay 1 read-only flag cleared");
        assertThat(view.answerText())
                .isEqualTo("Replayed to linetrace.unit-events.v1: dead letter 1"
                        + " (linetrace.unit-events.v1, key LTRCA000000015).");
        assertThat(test(view.letters).getCellText(0, 4))
                .startsWith("replayed by quality ")
                .endsWith(": read-only flag cleared");
        assertThat(view.replay.isEnabled())
                .as("a settled letter offers nothing more")
                .isFalse();
        assertThat(view.discard.isEnabled()).isFalse();
    }

    @Test
    void refusesADiscardWithoutAReasonAndAsksNothing() {
        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "bad", true);
        var view = open();
        test(view.letters).select(0);

        test(view.discard).click();

        assertThat(view.reason.isInvalid()).isTrue();
        assertThat(view.reason.getErrorMessage()).isEqualTo("Say why it is discarded");
        assertThat(messaging.calls).noneMatch(call -> call.startsWith("discard"));
    }

    @Test
    void discardsWithAReason() {
        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "bad", true);
        var view = open();
        test(view.letters).select(0);
        test(view.reason).setValue("bench test record");

        test(view.discard).click();

        assertThat(messaging.calls).contains("discard 1 bench test record");
        assertThat(view.answerText()).startsWith("Discarded: dead letter 1");
        assertThat(test(view.letters).getCellText(0, 4)).endsWith(": bench test record");
    }

    @Test
    void offersNoReplayOfARedactedDeadLetter() {
        messaging.add("linetrace.equipment-results.v1", "LTRCA000000024", "private key material", false);
        var view = open();

        test(view.letters).select(0);

        assertThat(view.replay.isEnabled()).isFalse();
        assertThat(view.discard.isEnabled()).isTrue();
        assertThat(view.selected.getText()).contains("redacted").contains("cannot be replayed");
    }

    @Test
    void showsMessagingsRefusalInWords() {
        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "bad", true);
        var view = open();
        test(view.letters).select(0);
        // Someone else settled it in the meantime.
        messaging.discard(1, new com.linetrace.deadletter.api.DeadLetterDecision("duplicate"));
        test(view.reason).setValue("fixed");

        test(view.replay).click();

        assertThat(view.answerText()).isEqualTo("Dead letter 1 was already settled");
        assertThat(view.reason.getValue())
                .as("nothing was done: the reason stays")
                .isEqualTo("fixed");
    }

    @Test
    void showsNewDeadLettersOnRefresh() {
        var view = open();
        assertThat(view.paging.getText()).isEqualTo("No dead letters.");

        messaging.add("linetrace.unit-events.v1", "LTRCA000000015", "bad", true);
        test(view.refresh).click();

        assertThat(test(view.letters).size()).isEqualTo(1);
        assertThat(view.topic.getListDataView().getItems()).containsExactly("linetrace.unit-events.v1");
    }

    @Test
    void filtersByTopicAndPages() {
        messaging.pageSize = 2;
        for (int i = 0; i < 3; i++) {
            messaging.add("linetrace.unit-events.v1", "LTRCA00000001" + i, "bad " + i, true);
        }
        messaging.add("linetrace.provisioning-events.v1", "LTRCA000000099", "other", true);
        var view = open();
        assertThat(view.paging.getText()).isEqualTo("Page 1 of 2 · 4 dead letters");
        assertThat(view.previous.isEnabled()).isFalse();

        test(view.topic).selectItem("linetrace.unit-events.v1");
        assertThat(test(view.letters).size()).isEqualTo(2);
        test(view.next).click();

        assertThat(test(view.letters).size()).isEqualTo(1);
        assertThat(test(view.letters).getCellText(0, 3)).isEqualTo("bad 0");
        assertThat(view.next.isEnabled()).isFalse();
        assertThat(messaging.calls).contains("list linetrace.unit-events.v1 page 1");
    }
}
