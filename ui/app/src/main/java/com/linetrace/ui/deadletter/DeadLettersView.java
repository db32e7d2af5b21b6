package com.linetrace.ui.deadletter;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterPage;
import com.linetrace.deadletter.api.DeadLetterState;
import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The records the plant's consumers could not process, newest first, with their topic, key, time and reason (never
 * their content). Quality or an admin replays one to its topic once the fault is fixed, or discards it, each with a
 * reason; a dead letter is settled once. Messaging decides and checks the role again; this view only asks and shows
 * the answer.
 */
@Route(value = "dead-letters", layout = MainLayout.class)
@PageTitle("Dead letters · LineTrace")
@Menu(order = 8, title = "Dead letters")
@RolesAllowed({Roles.ADMIN, Roles.QUALITY})
class DeadLettersView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final DeadLetters deadLetters;

    final ComboBox<String> topic = new ComboBox<>("Topic");
    final Grid<DeadLetter> letters = new Grid<>();
    final Button previous = new Button("Newer");
    final Button next = new Button("Older");
    final Span paging = new Span();
    final Button refresh = new Button("Refresh");

    final Div selected = new Div();
    final TextField reason = new TextField("Reason");
    final Button replay = new Button("Replay");
    final Button discard = new Button("Discard");

    private final Answer answer = new Answer("dead-letters-answer");
    private int page;

    DeadLettersView(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        setWidthFull();

        topic.setId("dead-letter-topic");
        topic.setPlaceholder("All topics");
        topic.setClearButtonVisible(true);
        topic.setWidth("28em");
        topic.addValueChangeListener(change -> {
            page = 0;
            reload();
        });

        letters.setId("dead-letters");
        letters.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        letters.addColumn(letter -> TIME.format(letter.failedAt()))
                .setHeader("Time")
                .setAutoWidth(true);
        letters.addColumn(DeadLetter::topic).setHeader("Topic").setAutoWidth(true);
        letters.addColumn(letter -> Optional.ofNullable(letter.key()).orElse(""))
                .setHeader("Key")
                .setAutoWidth(true);
        letters.addColumn(DeadLetter::reason)
                .setHeader("Reason")
                .setTooltipGenerator(DeadLetter::reason)
                .setFlexGrow(1);
        letters.addColumn(DeadLettersView::decision).setHeader("State").setAutoWidth(true);
        letters.addColumn(letter -> Optional.ofNullable(letter.consumerGroup()).orElse(""))
                .setHeader("Consumer")
                .setAutoWidth(true);
        letters.setAllRowsVisible(true);
        letters.addSelectionListener(
                selection -> select(selection.getFirstSelectedItem().orElse(null)));

        previous.setId("newer-dead-letters");
        previous.addClickListener(click -> turn(-1));
        next.setId("older-dead-letters");
        next.addClickListener(click -> turn(1));
        paging.setId("dead-letter-paging");
        refresh.setId("refresh-dead-letters");
        refresh.addClickListener(click -> {
            loadTopics();
            reload();
        });
        var pager = new HorizontalLayout(previous, paging, next, refresh);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);

        selected.setId("selected-dead-letter");
        reason.setId("dead-letter-reason");
        reason.setWidth("28em");
        reason.setMaxLength(500);
        replay.setId("replay-button");
        replay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replay.addClickListener(click -> replay());
        discard.setId("discard-button");
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        discard.addClickListener(click -> discard());
        var decision = new HorizontalLayout(reason, replay, discard);
        decision.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(topic, letters, pager, selected, decision, answer);
        loadTopics();
        reload();
        select(null);
    }

    void replay() {
        var letter = letters.asSingleSelect().getValue();
        if (letter == null) {
            return;
        }
        Answer.required(reason, "Say what was fixed")
                .flatMap(why -> answer.ask(
                        ProblemException.class, () -> deadLetters.replay(letter.id(), new DeadLetterDecision(why))))
                .ifPresent(replayed -> settled(replayed, "Replayed to " + replayed.topic()));
    }

    void discard() {
        var letter = letters.asSingleSelect().getValue();
        if (letter == null) {
            return;
        }
        Answer.required(reason, "Say why it is discarded")
                .flatMap(why -> answer.ask(
                        ProblemException.class, () -> deadLetters.discard(letter.id(), new DeadLetterDecision(why))))
                .ifPresent(discarded -> settled(discarded, "Discarded"));
    }

    String answerText() {
        return answer.getText();
    }

    private void settled(DeadLetter letter, String verb) {
        answer.say(verb + ": dead letter " + letter.id() + " (" + letter.topic() + ", key "
                + Optional.ofNullable(letter.key()).orElse("none") + ").");
        reason.clear();
        reload();
    }

    private void loadTopics() {
        var chosen = topic.getValue();
        answer.ask(ProblemException.class, deadLetters::topics).ifPresent(topics -> {
            topic.setItems(topics);
            if (chosen != null && topics.contains(chosen)) {
                topic.setValue(chosen);
            }
        });
    }

    private void turn(int pages) {
        page = Math.max(0, page + pages);
        reload();
    }

    private void reload() {
        var selectedId =
                Optional.ofNullable(letters.asSingleSelect().getValue()).map(DeadLetter::id);
        answer.ask(ProblemException.class, () -> deadLetters.list(topic.getValue(), page))
                .ifPresent(shown -> {
                    letters.setItems(shown.letters());
                    showPaging(shown);
                    selectedId
                            .flatMap(id -> shown.letters().stream()
                                    .filter(l -> l.id() == id)
                                    .findFirst())
                            .ifPresentOrElse(letters::select, () -> select(null));
                });
    }

    private void showPaging(DeadLetterPage shown) {
        long pages = Math.max(1, (shown.total() + shown.pageSize() - 1) / shown.pageSize());
        paging.setText(
                shown.total() == 0
                        ? "No dead letters."
                        : "Page " + (shown.page() + 1) + " of " + pages + " · " + shown.total() + " dead letters");
        previous.setEnabled(shown.page() > 0);
        next.setEnabled(shown.hasNext());
    }

    /** Shows the dead letter picked in the table and offers only what can still be done with it. */
    private void select(@Nullable DeadLetter letter) {
        if (letter == null) {
            selected.setText("Pick a dead letter in the table to replay or discard it.");
            replay.setEnabled(false);
            discard.setEnabled(false);
            return;
        }
        var open = letter.state() == DeadLetterState.NEW;
        selected.setText("Dead letter " + letter.id() + " from " + letter.topic() + " partition " + letter.partition()
                + (letter.sourceOffset() == null ? "" : " offset " + letter.sourceOffset()) + " · " + letter.reason()
                + (letter.replayable() ? "" : " · redacted: its original was not kept, so it cannot be replayed"));
        replay.setEnabled(open && letter.replayable());
        discard.setEnabled(open);
    }

    static String decision(DeadLetter letter) {
        return switch (letter.state()) {
            case NEW -> "open";
            case REPLAYED, DISCARDED ->
                letter.state().name().toLowerCase() + " by " + letter.decidedBy() + " "
                        + (letter.decidedAt() == null ? "" : TIME.format(letter.decidedAt())) + ": "
                        + letter.decisionReason();
        };
    }
}
