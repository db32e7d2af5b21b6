package com.linetrace.embedded;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node Kafka broker in KRaft mode (combined broker and controller) on a random loopback port. */
public final class EmbeddedKafkaServer implements AutoCloseable {

    /** Where the broker's address is published as a System property, instead of spring.kafka.bootstrap-servers. */
    private static final String BROKERS_PROPERTY = "linetrace.embedded.kafka.brokers";

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    public static EmbeddedKafkaServer start() {
        var broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerListProperty(BROKERS_PROPERTY);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
