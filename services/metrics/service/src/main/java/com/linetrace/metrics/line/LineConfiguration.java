package com.linetrace.metrics.line;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.metrics.MetricsSettings;
import com.linetrace.metrics.andon.Andon;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.metrics.wallboard.WallboardTokens;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A line's metrics: the listeners recording the events, the computation reading them, its controller. */
@Configuration(proxyBeanMethods = false)
public class LineConfiguration {

    /** Made once metrics' schema is migrated, which its messaging does first. */
    @Bean
    LineRecords metricsLineRecords(JdbcClient jdbc, @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging) {
        return new LineRecords(jdbc);
    }

    @Bean
    LineReads metricsLineReads(JdbcClient jdbc, @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging) {
        return new LineReads(jdbc);
    }

    @Bean
    EventListeners metricsEventListeners(
            @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging,
            LineRecords metricsLineRecords,
            TransactionTemplate transactions) {
        return new EventListeners(metricsMessaging.inbox(), metricsLineRecords, transactions);
    }

    @Bean
    LineMetrics lineMetrics(
            LineReads metricsLineReads,
            ShiftCalendar metricsShiftCalendar,
            MetricsSettings settings,
            Andon metricsAndon,
            WallboardTokens metricsWallboardTokens) {
        return new LinePerformances(
                metricsLineReads,
                metricsShiftCalendar,
                settings,
                metricsAndon,
                metricsWallboardTokens,
                Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /**
         * The controller implements {@link LineMetrics} only to take its mappings: it is never what a caller of the
         * api is given (not a default candidate), the computation is.
         */
        @Bean(defaultCandidate = false)
        LineMetricsController lineMetricsController(LineMetrics lineMetrics) {
            return new LineMetricsController(lineMetrics);
        }
    }
}
