package com.linetrace.deadletter;

import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterPage;
import com.linetrace.deadletter.api.DeadLetterRefusedException;
import com.linetrace.deadletter.api.DeadLetters;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters over HTTP; {@link DeadLetters} checks the role and decides. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Reason(@Nullable String reason) {}

    @GetMapping("/api/dead-letters")
    DeadLetterPage list(
            @RequestParam(required = false) @Nullable String topic, @RequestParam(defaultValue = "0") int page) {
        return deadLetters.list(topic, page);
    }

    @PostMapping(path = "/api/dead-letters/{id}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetter replay(@PathVariable long id, @RequestBody Reason request) {
        return deadLetters.replay(id, request.reason() == null ? "" : request.reason());
    }

    @PostMapping(path = "/api/dead-letters/{id}/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetter discard(@PathVariable long id, @RequestBody Reason request) {
        return deadLetters.discard(id, request.reason() == null ? "" : request.reason());
    }

    @ExceptionHandler
    ProblemDetail refused(DeadLetterRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(e.refusal().status()), e.getMessage());
        problem.setType(e.refusal().type());
        return problem;
    }
}
