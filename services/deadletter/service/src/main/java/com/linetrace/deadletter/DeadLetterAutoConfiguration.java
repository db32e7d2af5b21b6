package com.linetrace.deadletter;

import com.linetrace.contracts.Topics;
import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import java.time.Clock;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead letters a person can act on, one implementation for the whole plant: the {@code deadletter} schema (its copies
 * of the dead letters and its own outbox for the audit actions), the collector, {@link DeadLetters} and its HTTP API.
 * See docs/decisions/DD008-20261201-dead-letters.md.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnProperty(
        prefix = "linetrace.messaging.dead-letters",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(DeadLetterSettings.class)
public class DeadLetterAutoConfiguration {

    static final String SCHEMA = "deadletter";
    static final String LISTENER_FACTORY = "linetraceDeadLetterListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAutoConfiguration.class);

    /**
     * The desk's schema and its outbox of audit actions. Every service writes the audit actions' topic, so whoever
     * writes first makes sure it exists.
     */
    @Bean
    ServiceMessaging deadLetterMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .declaring(Topics.AUDIT_ACTIONS)
                .build();
    }

    /** Made once the desk's schema is migrated, which its messaging does first. */
    @Bean
    DeadLetterRepository deadLetterRepository(JdbcClient jdbc, ServiceMessaging deadLetterMessaging) {
        return new DeadLetterRepository(jdbc);
    }

    @Bean
    DeadLetterCollector deadLetterCollector(DeadLetterRepository deadLetterRepository) {
        return new DeadLetterCollector(deadLetterRepository);
    }

    @Bean
    DeadLetters deadLetters(
            DeadLetterRepository deadLetterRepository,
            @Qualifier("deadLetterMessaging") ServiceMessaging deadLetterMessaging,
            TransactionTemplate transactions,
            @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
            DeadLetterSettings settings) {
        return new DeadLetterDesk(
                deadLetterRepository, deadLetterMessaging.outbox(), transactions, kafka, settings, Clock.systemUTC());
    }

    /**
     * The collector's own listeners: a copy that cannot be written waits for the database like every listener, and
     * is otherwise logged, never dead-lettered again (a dead letter of a dead letter would be read back here).
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> linetraceDeadLetterListenerContainerFactory(
            KafkaProperties properties) {
        var config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A dead-letter topic declared after the start is found at the next metadata refresh: within 30 s, not 5 min.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        var handler = new DefaultErrorHandler(
                (record, e) -> log.error(
                        "Could not keep dead letter {}-{}@{} for people to see (it stays on its topic): {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage()),
                new FixedBackOff(1_000, 3));
        handler.setBackOffFunction(
                (record, e) -> MessagingAutoConfiguration.databaseUnavailable(e) ? untilBack() : null);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setCommonErrorHandler(handler);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    private static BackOff untilBack() {
        var backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /**
         * The controller implements {@link DeadLetters} only to take its mappings: it is never what a caller of the
         * api is given (not a default candidate), the desk is.
         */
        @Bean(defaultCandidate = false)
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }
    }
}
