package com.linetrace.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events move between services.
 *
 * @param relayPollInterval how often a relay looks at its outbox when nothing woke it
 * @param relayBatchSize how many events a relay publishes per transaction
 * @param relaySendTimeout how long a relay waits for Kafka to acknowledge a batch before retrying it
 * @param outboxRetention how long published events stay in the outbox for inspection
 * @param partitions partitions of each topic (and of its dead-letter topic) that a service declares
 * @param replicas replication factor of those topics
 * @param retries how often a failing record is retried before it goes to the dead-letter topic
 * @param retryBackoff the pause between those retries
 * @param commitInterval how often a listener commits its consumed offsets; consumers deduplicate by event id
 *     (their inbox), so after a crash the events of at most this interval are delivered again and skipped
 */
@ConfigurationProperties("linetrace.messaging")
public record MessagingSettings(
        @DefaultValue("500ms") Duration relayPollInterval,
        @DefaultValue("200") int relayBatchSize,
        @DefaultValue("10s") Duration relaySendTimeout,
        @DefaultValue("7d") Duration outboxRetention,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("3") int retries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("1s") Duration commitInterval) {}
