package com.linetrace.tracking;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/** Tracking's beans, for the plant in a box or for tracking running alone. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableConfigurationProperties(TrackingSettings.class)
public class TrackingAutoConfiguration {

    static final String SCHEMA = "tracking";

    /** Tracking's schema, its outbox of unit events (and their topic) and the inbox of what it consumes. */
    @Bean
    ServiceMessaging trackingMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .withInbox()
                .declaring(Topics.UNIT_EVENTS)
                .build();
    }

    // Tracking's classes inject its outbox and inbox by these names.
    @Bean
    Outbox trackingOutbox(ServiceMessaging trackingMessaging) {
        return trackingMessaging.outbox();
    }

    @Bean
    Inbox trackingInbox(ServiceMessaging trackingMessaging) {
        return trackingMessaging.inbox();
    }
}
