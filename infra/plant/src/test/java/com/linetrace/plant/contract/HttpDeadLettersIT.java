package com.linetrace.plant.contract;

import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetters;
import org.junit.jupiter.api.BeforeAll;

/** {@link DeadLetters} as a UI apart calls it: the UI's HTTP client, and the dead-letter service on its own port. */
class HttpDeadLettersIT extends DeadLettersContract {

    private static DeadLetters client;

    @BeforeAll
    static void startDeadLettersApart() {
        client = ServicesApart.client("deadletter", DeadLetters.class, DeadLetterProblem.class);
    }

    @Override
    DeadLetters deadLetters() {
        return client;
    }
}
