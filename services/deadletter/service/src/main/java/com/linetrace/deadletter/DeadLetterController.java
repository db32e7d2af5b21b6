package com.linetrace.deadletter;

import com.linetrace.contracts.Roles;
import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterPage;
import com.linetrace.deadletter.api.DeadLetters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters over HTTP: the mappings are {@link DeadLetters}', its roles checked before the body is read, and again by the desk behind it. */
@RolesAllowed({Roles.QUALITY, Roles.ADMIN})
@RestController
class DeadLetterController implements DeadLetters {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public DeadLetterPage list(@Nullable String topic, int page) {
        return deadLetters.list(topic, page);
    }

    @Override
    public List<String> topics() {
        return deadLetters.topics();
    }

    @Override
    public DeadLetter replay(long id, DeadLetterDecision decision) {
        return deadLetters.replay(id, decision);
    }

    @Override
    public DeadLetter discard(long id, DeadLetterDecision decision) {
        return deadLetters.discard(id, decision);
    }
}
