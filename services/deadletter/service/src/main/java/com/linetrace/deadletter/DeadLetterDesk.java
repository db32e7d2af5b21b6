package com.linetrace.deadletter;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DeadLetterDiscarded;
import com.linetrace.contracts.action.DeadLetterReplayed;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterPage;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetterState;
import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.messaging.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Lists, replays and discards dead letters. A replay sends the original to its source topic and waits for Kafka's
 * acknowledgement before the dead letter is marked replayed, in one transaction with its audit action (through the
 * outbox): if Kafka refuses, nothing changes; if the commit fails after Kafka acknowledged, the dead letter stays
 * open and a second replay sends the record again, which the consumers' inboxes absorb.
 */
class DeadLetterDesk implements DeadLetters {

    /** Header of a replayed record naming the dead letter it came from, for whoever traces it later. */
    static final String REPLAYED_FROM_HEADER = "linetrace-replayed-from";

    private static final String ROLE_PREFIX = "ROLE_";

    private final DeadLetterRepository repository;
    private final Outbox outbox;
    private final TransactionOperations transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final DeadLetterSettings settings;
    private final Clock clock;

    DeadLetterDesk(
            DeadLetterRepository repository,
            Outbox outbox,
            TransactionOperations transactions,
            KafkaOperations<String, byte[]> kafka,
            DeadLetterSettings settings,
            Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DeadLetterPage list(@Nullable String topic, int page) {
        caller();
        if (page < 0) {
            throw DeadLetterProblem.INVALID_REQUEST.exception("page must be 0 or more");
        }
        var source = topic == null || topic.isBlank() ? null : topic.strip();
        return new DeadLetterPage(
                repository.page(source, page, settings.pageSize()),
                page,
                settings.pageSize(),
                repository.count(source));
    }

    @Override
    public List<String> topics() {
        caller();
        return repository.topics();
    }

    @Override
    public DeadLetter replay(long id, DeadLetterDecision decision) {
        var actor = caller();
        var why = reason(decision.reason());
        return settle(id, DeadLetterState.REPLAYED, actor, why, letter -> {
            if (!letter.replayable()) {
                throw DeadLetterProblem.DEAD_LETTER_NOT_REPLAYABLE.exception(
                        "Dead letter " + id + " was redacted (it held private key material): there is no original"
                                + " to replay. Have the equipment send it again without the private key, then discard"
                                + " this one.");
            }
            send(letter);
            return new DeadLetterReplayed(
                    letter.deadLetterTopic(), letter.partition(), letter.offset(), letter.topic(), letter.key(), why);
        });
    }

    @Override
    public DeadLetter discard(long id, DeadLetterDecision decision) {
        var actor = caller();
        var why = reason(decision.reason());
        return settle(
                id,
                DeadLetterState.DISCARDED,
                actor,
                why,
                letter -> new DeadLetterDiscarded(
                        letter.deadLetterTopic(),
                        letter.partition(),
                        letter.offset(),
                        letter.topic(),
                        letter.key(),
                        why));
    }

    private DeadLetter settle(
            long id, DeadLetterState state, String actor, String why, Function<DeadLetter, AuditAction> action) {
        return transactions.execute(status -> {
            var letter = repository
                    .lock(id)
                    .orElseThrow(() -> DeadLetterProblem.DEAD_LETTER_NOT_FOUND.exception("No dead letter " + id));
            if (letter.state() != DeadLetterState.NEW) {
                throw DeadLetterProblem.DEAD_LETTER_SETTLED.exception("Dead letter " + id + " was already "
                        + letter.state().name().toLowerCase() + " by " + letter.decidedBy() + " at "
                        + letter.decidedAt());
            }
            var audit = action.apply(letter);
            var now = clock.instant();
            repository.settle(id, state, actor, now, why);
            var event = new AuditActionEvent(
                    EventIds.next(), AuditAction.SCHEMA_VERSION, now, settings.plant(), actor, audit);
            outbox.append(
                    Topics.AUDIT_ACTIONS,
                    actor,
                    event.eventId(),
                    AuditAction.CODEC.typeOf(audit),
                    AuditAction.CODEC.encode(event),
                    now);
            return repository.find(id).orElseThrow();
        });
    }

    private void send(DeadLetter letter) {
        var original = repository.original(letter.id());
        var record = new ProducerRecord<String, byte[]>(letter.topic(), letter.key(), original.value());
        original.headers().forEach(h -> record.headers().add(new RecordHeader(h.name(), h.value())));
        record.headers()
                .add(new RecordHeader(
                        REPLAYED_FROM_HEADER,
                        (letter.deadLetterTopic() + "/" + letter.partition() + "/" + letter.offset())
                                .getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(settings.replayTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent(letter);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw notSent(letter);
        }
    }

    private static ProblemException notSent(DeadLetter letter) {
        return DeadLetterProblem.REPLAY_NOT_SENT.exception("Kafka did not take the replay of dead letter " + letter.id()
                + " to " + letter.topic() + "; nothing changed, try again when the broker is back");
    }

    /** The signed-in user, who must be quality or an admin. */
    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Sign in to see dead letters");
        }
        var allowed = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(ROLE_PREFIX + Roles.ADMIN) || a.equals(ROLE_PREFIX + Roles.QUALITY));
        if (!allowed) {
            throw new AccessDeniedException("Dead letters are for quality and admins");
        }
        return authentication.getName();
    }

    private static String reason(@Nullable String reason) {
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DeadLetterProblem.INVALID_REQUEST.exception("A reason is required");
        }
        if (why.length() > DeadLetterCopy.MAX_REASON) {
            throw DeadLetterProblem.INVALID_REQUEST.exception(
                    "The reason is longer than " + DeadLetterCopy.MAX_REASON + " characters");
        }
        return why;
    }
}
