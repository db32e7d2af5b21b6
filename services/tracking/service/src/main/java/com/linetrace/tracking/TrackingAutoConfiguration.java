package com.linetrace.tracking;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.OutboxRelay;
import com.linetrace.messaging.ServiceSchema;
import com.linetrace.tracking.demo.DemoConfiguration;
import com.linetrace.tracking.hold.HoldConfiguration;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.route.RouteConfiguration;
import com.linetrace.tracking.station.StationConfiguration;
import com.linetrace.tracking.unit.UnitConfiguration;
import com.linetrace.tracking.workorder.WorkOrderConfiguration;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking's beans, for the plant in a box or for tracking running alone: each feature package's configuration
 * imported by name, never scanned (Boot's reference: an auto-configuration must not component-scan, or it picks up
 * whatever else its packages hold and, in one plant, classes of the same simple name clash). Imported beans are
 * named by their full class name.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties(TrackingSettings.class)
@Import({
    RouteConfiguration.class,
    UnitConfiguration.class,
    MaterialRepository.class,
    WorkOrderConfiguration.class,
    StationConfiguration.class,
    HoldConfiguration.class,
    DemoConfiguration.class
})
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
