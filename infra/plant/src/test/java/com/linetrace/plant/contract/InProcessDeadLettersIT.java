package com.linetrace.plant.contract;

import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link DeadLetters} as the plant's UI calls it: the dead-letter desk's own bean, in the plant's JVM. */
@IntegrationTest
class InProcessDeadLettersIT extends DeadLettersContract {

    @Autowired
    DeadLetters deadLetters;

    @Override
    DeadLetters deadLetters() {
        return deadLetters;
    }
}
