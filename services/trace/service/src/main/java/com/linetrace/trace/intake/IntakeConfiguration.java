package com.linetrace.trace.intake;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.trace.TraceSettings;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Trace's intake: the two listeners writing the read model, and its rebuild. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /**
     * Emptied before the listeners are made, so before any of them starts, when {@code linetrace.trace.rebuild} is
     * true.
     */
    @Bean
    ReadModelRebuild traceReadModelRebuild(
            TraceSettings settings,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Qualifier("traceMessaging") ServiceMessaging traceMessaging) {
        var readModel = new ReadModelRebuild(settings.rebuild());
        readModel.clearIfRequested(
                jdbc, transactions, List.of(TopicIntake.UNIT_CONSUMER, TopicIntake.PROVISIONING_CONSUMER));
        return readModel;
    }

    @Bean
    Projection traceProjection(JdbcClient jdbc, @Qualifier("traceMessaging") ServiceMessaging traceMessaging) {
        return new Projection(jdbc);
    }

    @Bean
    TopicIntake traceTopicIntake(
            @Qualifier("traceMessaging") ServiceMessaging traceMessaging,
            Projection traceProjection,
            TransactionTemplate transactions,
            ReadModelRebuild traceReadModelRebuild) {
        return new TopicIntake(traceMessaging.inbox(), traceProjection, transactions, traceReadModelRebuild);
    }
}
