package com.linetrace.metrics.report;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.metrics.MetricsSettings;
import com.linetrace.metrics.andon.Andon;
import com.linetrace.metrics.api.ShiftReports;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.web.export.ExportDesk;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Shift reports: the service (the in-process binding of {@link ShiftReports}) and its controller. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    /** Made once metrics' schema is migrated, which its messaging does first. */
    @Bean
    ShiftReports metricsShiftReports(
            JdbcClient jdbc,
            @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging,
            ShiftCalendar metricsShiftCalendar,
            Andon metricsAndon,
            MetricsSettings settings,
            ExportDesk exports,
            PlatformTransactionManager transactionManager) {
        return new ShiftReportService(
                new ReportReads(jdbc),
                metricsShiftCalendar,
                metricsAndon,
                settings,
                metricsMessaging.outbox(),
                exports,
                transactionManager,
                Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /**
         * Not what a caller of the api is given (not a default candidate): it implements {@link ShiftReports} only to
         * take its HTTP mappings, and the in-process binding is the service.
         */
        @Bean(defaultCandidate = false)
        ShiftReportController metricsShiftReportController(ShiftReports metricsShiftReports) {
            return new ShiftReportController(metricsShiftReports);
        }
    }
}
