package com.linetrace.deadletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dead letters a person can act on.
 *
 * @param enabled copy the dead-letter topics and serve {@code /api/dead-letters}; one instance per plant is enough,
 *     more share the work
 * @param plant the plant's id in the audit actions of replays and discards
 * @param pageSize dead letters per page of the list
 * @param replayTimeout how long a replay waits for Kafka to acknowledge the republished record
 */
@ConfigurationProperties("linetrace.messaging.dead-letters")
record DeadLetterSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("CA1") String plant,
        @DefaultValue("50") int pageSize,
        @DefaultValue("10s") Duration replayTimeout) {}
