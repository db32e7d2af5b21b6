package com.linetrace.tracking;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.OutboxRelay;
import com.linetrace.messaging.ServiceSchema;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Tracking's beans, for the plant in a box or for tracking running alone. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableConfigurationProperties(TrackingSettings.class)
public class TrackingAutoConfiguration {

    static final String SCHEMA = "tracking";

    @Bean
    SpringLiquibase trackingLiquibase(DataSource dataSource) {
        return ServiceSchema.liquibase(dataSource, SCHEMA);
    }

    @Bean
    OutboxRelay trackingOutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
            MessagingSettings settings,
            SpringLiquibase trackingLiquibase) {
        return new OutboxRelay(SCHEMA, jdbc, transactions, kafka, settings);
    }

    @Bean
    Outbox trackingOutbox(JdbcClient jdbc, OutboxRelay trackingOutboxRelay) {
        return new Outbox(jdbc, SCHEMA, trackingOutboxRelay);
    }

    @Bean
    Inbox trackingInbox(JdbcClient jdbc, SpringLiquibase trackingLiquibase) {
        return new Inbox(jdbc, SCHEMA);
    }

    @Bean
    KafkaAdmin.NewTopics unitEventTopics(MessagingSettings settings) {
        return MessagingAutoConfiguration.topicWithDeadLetter(Topics.UNIT_EVENTS, settings);
    }
}
