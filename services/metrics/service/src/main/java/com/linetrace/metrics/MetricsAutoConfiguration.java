package com.linetrace.metrics;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.metrics.andon.AndonConfiguration;
import com.linetrace.metrics.andon.AndonSettings;
import com.linetrace.metrics.line.LineConfiguration;
import com.linetrace.metrics.report.ReportConfiguration;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.metrics.shift.ShiftSettings;
import com.linetrace.metrics.wallboard.WallboardConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Metrics' beans, for the plant in a box or for metrics running alone: its schema and inbox, the shift calendar, and
 * each feature's configuration, imported by name (no component scan). See docs/decisions/DD015-20261201-metrics.md.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties({MetricsSettings.class, ShiftSettings.class, AndonSettings.class})
@Import({LineConfiguration.class, AndonConfiguration.class, WallboardConfiguration.class, ReportConfiguration.class})
public class MetricsAutoConfiguration {

    static final String SCHEMA = "metrics";

    /**
     * Metrics' schema, the inbox of what it consumes and the outbox of the andon's line events. It declares the topics
     * it reads (and dead-letters): apart, it may start before the services that write them.
     */
    @Bean
    ServiceMessaging metricsMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .withInbox()
                .declaring(Topics.UNIT_EVENTS, Topics.LINE_EVENTS, Topics.PROVISIONING_EVENTS, Topics.AUDIT_ACTIONS)
                .build();
    }

    @Bean
    ShiftCalendar metricsShiftCalendar(ShiftSettings settings) {
        return new ShiftCalendar(settings);
    }
}
