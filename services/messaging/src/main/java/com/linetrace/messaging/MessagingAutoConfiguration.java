package com.linetrace.messaging;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Topics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka plumbing every LineTrace service shares: an idempotent producer of already-encoded events, and a
 * listener container factory whose records that cannot be processed go, after bounded retries, to the topic's
 * dead-letter topic with the reason, so that the partition moves on.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingAutoConfiguration {

    /** Name of the listener container factory services use for LineTrace topics. */
    public static final String LISTENER_FACTORY = "linetraceListenerContainerFactory";

    /**
     * Name of the listener container factory for batch listeners (a {@code List} of records per call): the same
     * consumers and error policy, for a read model that applies a poll's records in one transaction. A batch listener
     * names a record it cannot process with {@link org.springframework.kafka.listener.BatchListenerFailedException},
     * so the records before it are kept and only that one is retried or dead-lettered.
     */
    public static final String BATCH_LISTENER_FACTORY = "linetraceBatchListenerContainerFactory";

    /** Header of every dead letter carrying, in words, why its record could not be processed. */
    public static final String REASON_HEADER = "linetrace-dlt-reason";

    @Bean
    KafkaTemplate<String, byte[]> linetraceKafkaTemplate(KafkaProperties properties) {
        var config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(config));
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    DefaultErrorHandler linetraceErrorHandler(
            @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> template, MessagingSettings settings) {
        return errorHandler(deadLetterRecoverer(template), settings);
    }

    /** Sends a failed record to its dead-letter topic ({@link DeadLetters}), with the reason in a header. */
    public static DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> template) {
        var recoverer = new DeadLetters(template);
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {
            new RecordHeader(REASON_HEADER, reasonOf(exception).getBytes(StandardCharsets.UTF_8))
        }));
        return recoverer;
    }

    /**
     * Every listener's error policy, so that none can drift from it: a record the database is away for waits for it
     * (the partition pauses, nothing is lost); an unreadable one (and {@code alsoNotRetryable}) goes to {@code
     * recoverer} at once; anything else after the configured retries.
     */
    @SafeVarargs
    public static DefaultErrorHandler errorHandler(
            ConsumerRecordRecoverer recoverer,
            MessagingSettings settings,
            Class<? extends Exception>... alsoNotRetryable) {
        var handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        handler.addNotRetryableExceptions(
                MalformedEventException.class, MalformedSerialException.class, IllegalArgumentException.class);
        handler.addNotRetryableExceptions(alsoNotRetryable);
        handler.setBackOffFunction((record, exception) -> databaseUnavailable(exception) ? untilBack() : null);
        return handler;
    }

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> linetraceListenerContainerFactory(
            KafkaProperties properties, DefaultErrorHandler linetraceErrorHandler, MessagingSettings settings) {
        return listenerContainerFactory(properties, linetraceErrorHandler, settings);
    }

    @Bean(BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> linetraceBatchListenerContainerFactory(
            KafkaProperties properties, DefaultErrorHandler linetraceErrorHandler, MessagingSettings settings) {
        var factory = listenerContainerFactory(properties, linetraceErrorHandler, settings);
        factory.setBatchListener(true);
        return factory;
    }

    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> listenerContainerFactory(
            KafkaProperties properties, DefaultErrorHandler linetraceErrorHandler, MessagingSettings settings) {
        var config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setCommonErrorHandler(linetraceErrorHandler);
        factory.getContainerProperties().setObservationEnabled(true);
        // A commit after every poll costs the broker's group coordinator a write per event or two at line rate;
        // the inbox already absorbs redelivery, so offsets are committed on a timer (and on rebalance) instead.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
        factory.getContainerProperties().setAckTime(settings.commitInterval().toMillis());
        return factory;
    }

    /** What each service declares its messaging with ({@link ServiceMessaging}). */
    @Bean
    ServiceMessagingFactory linetraceServiceMessagingFactory(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
            MessagingSettings settings,
            ResourceLoader resources) {
        return new ServiceMessagingFactory(dataSource, jdbc, transactions, kafka, settings, resources);
    }

    /** The topics every service of the process declares in its {@link ServiceMessaging}, each with its dead letters. */
    @Bean
    KafkaAdmin.NewTopics linetraceServiceTopics(ObjectProvider<ServiceMessaging> services, MessagingSettings settings) {
        return new KafkaAdmin.NewTopics(services.orderedStream()
                .flatMap(service -> service.topics().stream())
                .distinct()
                .flatMap(topic -> Stream.of(kept(topic, settings), kept(Topics.deadLetter(topic), settings)))
                .toArray(NewTopic[]::new));
    }

    /** The outboxes' gauges, where the application has Micrometer (the plant and services with an actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        MeterBinder linetraceOutboxMetrics(ObjectProvider<ServiceMessaging> services) {
            return new OutboxMetrics(services.orderedStream()
                    .flatMap(service -> service.relay().stream())
                    .toList());
        }
    }

    /**
     * Why a record failed, in the words of the exception that refused it: Spring Kafka's wrapper says only that the
     * listener threw, and Spring's data-access exceptions quote our SQL before the database's own words.
     */
    static String reasonOf(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NestedRuntimeException nested) {
            cause = nested.getMostSpecificCause();
        }
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /**
     * True when a listener failed because the database is away, which is no fault of the record. That includes the
     * database going away inside the listener's transaction: the rollback then fails on the dead connection with an
     * exception that says only "Connection is closed", and carries the first failure as its application exception
     * (the same case web's {@code ApiProblems} answers with 503).
     */
    public static boolean databaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof TransactionSystemException failed
                    && (failed.contains(SQLException.class)
                            || (failed.getApplicationException() != null
                                    && databaseUnavailable(failed.getApplicationException())))) {
                return true;
            }
        }
        return DatabaseUnreachable.causes(exception);
    }

    private static BackOff untilBack() {
        var backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    /**
     * A topic and its dead-letter topic, declared by the service that writes the topic. Both keep their records for
     * good (no time or size retention): a read model is rebuilt by reading its topics from offset zero, and a dead
     * letter waits until a person replays or discards it.
     */
    public static KafkaAdmin.NewTopics topicWithDeadLetter(String topic, MessagingSettings settings) {
        return new KafkaAdmin.NewTopics(kept(topic, settings), kept(Topics.deadLetter(topic), settings));
    }

    private static NewTopic kept(String topic, MessagingSettings settings) {
        return TopicBuilder.name(topic)
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, settings.replicas())))
                .build();
    }
}
