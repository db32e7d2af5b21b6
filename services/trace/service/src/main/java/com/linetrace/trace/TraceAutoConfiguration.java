package com.linetrace.trace;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.trace.dhr.DhrConfiguration;
import com.linetrace.trace.history.HistoryConfiguration;
import com.linetrace.trace.intake.IntakeConfiguration;
import com.linetrace.trace.query.QueryConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Trace's beans, for the plant in a box or for trace running alone: its schema (migrated by its messaging, before
 * anything uses it), its inbox and outbox, and each feature's configuration, imported by name (no component scan, so
 * nothing else on the class path becomes a bean of trace's).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties(TraceSettings.class)
@Import({HistoryConfiguration.class, IntakeConfiguration.class, QueryConfiguration.class, DhrConfiguration.class})
public class TraceAutoConfiguration {

    static final String SCHEMA = "trace";

    /** Trace writes the audit actions' topic (exports): whoever writes first makes sure it exists. */
    @Bean
    ServiceMessaging traceMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withInbox()
                .withOutbox()
                .declaring(Topics.AUDIT_ACTIONS)
                .build();
    }

    @Bean
    TraceRequestProblems traceRequestProblems() {
        return new TraceRequestProblems();
    }
}
