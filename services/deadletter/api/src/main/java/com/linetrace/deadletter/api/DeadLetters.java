package com.linetrace.deadletter.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The plant's dead letters, for quality and admins: the caller is the signed-in user of Spring Security's context
 * (in-process the UI's user, over HTTP the request's), and any other role is refused with
 * {@link org.springframework.security.access.AccessDeniedException}. Other refusals throw
 * {@link com.linetrace.contracts.problem.ProblemException} with a {@link DeadLetterProblem}. A dead letter is settled
 * once: replayed or discarded.
 */
@HttpExchange("/api/dead-letters")
public interface DeadLetters {

    /** The dead letters of one source topic, or of all when {@code topic} is null, newest first; pages from 0. */
    @GetExchange
    DeadLetterPage list(
            @RequestParam(required = false) @Nullable String topic, @RequestParam(defaultValue = "0") int page);

    /** The source topics that have dead letters. */
    @GetExchange("/topics")
    List<String> topics();

    /**
     * Sends the record's original key, value and headers to its source topic again (once the fault that stopped it
     * is fixed), and records who did it and why. Consumers deduplicate by event id, so replaying a record that was
     * in fact processed changes nothing.
     */
    @PostExchange(url = "/{id}/replay", contentType = "application/json")
    DeadLetter replay(@PathVariable long id, @RequestBody DeadLetterDecision decision);

    /** Settles a dead letter without processing it, and records who did it and why. */
    @PostExchange(url = "/{id}/discard", contentType = "application/json")
    DeadLetter discard(@PathVariable long id, @RequestBody DeadLetterDecision decision);
}
