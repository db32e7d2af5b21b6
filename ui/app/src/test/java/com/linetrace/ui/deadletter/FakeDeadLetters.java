package com.linetrace.ui.deadletter;

import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterPage;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetterState;
import com.linetrace.deadletter.api.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Messaging's dead letters as the view sees them: a list of letters, pages of {@link #pageSize}, what was asked. */
class FakeDeadLetters implements DeadLetters {

    final List<DeadLetter> letters = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int pageSize = 50;

    DeadLetter add(String topic, @Nullable String key, String reason, boolean replayable) {
        var id = letters.size() + 1L;
        var letter = new DeadLetter(
                id,
                topic,
                topic + ".dlt",
                0,
                id - 1,
                100 + id,
                "linetrace-trace",
                key,
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(id),
                reason,
                replayable,
                DeadLetterState.NEW,
                null,
                null,
                null);
        letters.add(letter);
        return letter;
    }

    @Override
    public DeadLetterPage list(@Nullable String topic, int page) {
        calls.add("list " + topic + " page " + page);
        var matching = letters.stream()
                .filter(l -> topic == null || l.topic().equals(topic))
                .sorted(Comparator.comparing(DeadLetter::failedAt).reversed())
                .toList();
        var from = Math.min(matching.size(), page * pageSize);
        return new DeadLetterPage(
                matching.subList(from, Math.min(matching.size(), from + pageSize)), page, pageSize, matching.size());
    }

    @Override
    public List<String> topics() {
        return letters.stream().map(DeadLetter::topic).distinct().sorted().toList();
    }

    @Override
    public DeadLetter replay(long id, DeadLetterDecision decision) {
        calls.add("replay " + id + " " + decision.reason());
        var letter = open(id);
        if (!letter.replayable()) {
            throw DeadLetterProblem.DEAD_LETTER_NOT_REPLAYABLE.exception("Dead letter " + id + " was redacted");
        }
        return settle(letter, DeadLetterState.REPLAYED, String.valueOf(decision.reason()));
    }

    @Override
    public DeadLetter discard(long id, DeadLetterDecision decision) {
        calls.add("discard " + id + " " + decision.reason());
        return settle(open(id), DeadLetterState.DISCARDED, String.valueOf(decision.reason()));
    }

    private DeadLetter open(long id) {
        var letter = letters.stream()
                .filter(l -> l.id() == id)
                .findFirst()
                .orElseThrow(() -> DeadLetterProblem.DEAD_LETTER_NOT_FOUND.exception("No dead letter " + id));
        if (letter.state() != DeadLetterState.NEW) {
            throw DeadLetterProblem.DEAD_LETTER_SETTLED.exception("Dead letter " + id + " was already settled");
        }
        return letter;
    }

    private DeadLetter settle(DeadLetter letter, DeadLetterState state, String reason) {
        var settled = new DeadLetter(
                letter.id(),
                letter.topic(),
                letter.deadLetterTopic(),
                letter.partition(),
                letter.offset(),
                letter.sourceOffset(),
                letter.consumerGroup(),
                letter.key(),
                letter.failedAt(),
                letter.reason(),
                letter.replayable(),
                state,
                "quality",
                Instant.parse("2026-12-01T11:00:00Z"),
                reason);
        letters.set(letters.indexOf(letter), settled);
        return settled;
    }
}
