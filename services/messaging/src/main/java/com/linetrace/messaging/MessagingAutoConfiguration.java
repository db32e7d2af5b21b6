package com.linetrace.messaging;

import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Topics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
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
        var handler = new DefaultErrorHandler(
                new DeadLetters(template),
                new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        handler.addNotRetryableExceptions(
                MalformedEventException.class, MalformedSerialException.class, IllegalArgumentException.class);
        // The database being away is not the record's fault: wait for it (the partition pauses, nothing is lost)
        // rather than dead-letter good events.
        handler.setBackOffFunction((record, exception) -> databaseUnavailable(exception) ? untilBack() : null);
        return handler;
    }

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> linetraceListenerContainerFactory(
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

    /** The outboxes' gauges, where the application has Micrometer (the plant and services with an actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        MeterBinder linetraceOutboxMetrics(ObjectProvider<OutboxRelay> relays) {
            return new OutboxMetrics(relays.orderedStream().toList());
        }
    }

    static boolean databaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilBack() {
        var backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    /** A topic and its dead-letter topic, declared by the service that writes the topic. */
    public static KafkaAdmin.NewTopics topicWithDeadLetter(String topic, MessagingSettings settings) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topic)
                        .partitions(settings.partitions())
                        .replicas(settings.replicas())
                        .build(),
                TopicBuilder.name(Topics.deadLetter(topic))
                        .partitions(settings.partitions())
                        .replicas(settings.replicas())
                        .build());
    }
}
