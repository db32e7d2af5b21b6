package com.linetrace.tracking;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.tracking.demo.DemoConfiguration;
import com.linetrace.tracking.hold.HoldConfiguration;
import com.linetrace.tracking.label.LabelConfiguration;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.route.RouteConfiguration;
import com.linetrace.tracking.signature.SignatureConfiguration;
import com.linetrace.tracking.station.StationConfiguration;
import com.linetrace.tracking.unit.UnitConfiguration;
import com.linetrace.tracking.workorder.WorkOrderConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

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
    SignatureConfiguration.class,
    DemoConfiguration.class,
    AuditTrail.class,
    LabelConfiguration.class
})
public class TrackingAutoConfiguration {

    static final String SCHEMA = "tracking";

    /**
     * Tracking's schema, its outbox of unit events, line events (work orders released, lots quarantined) and people's
     * actions (master data, exports, electronic signatures), the three topics declared, and the inbox of what it
     * consumes.
     */
    @Bean
    ServiceMessaging trackingMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .withInbox()
                .declaring(Topics.UNIT_EVENTS, Topics.LINE_EVENTS, Topics.AUDIT_ACTIONS)
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
