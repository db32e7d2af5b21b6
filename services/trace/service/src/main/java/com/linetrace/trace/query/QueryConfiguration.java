package com.linetrace.trace.query;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.trace.TraceSettings;
import com.linetrace.trace.api.UnitSearch;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.WhereUsed;
import com.linetrace.web.export.ExportDesk;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Trace's answers: one unit, where-used and search, in-process (the services) and over HTTP (the controller). */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

    @Bean
    UnitTraceService traceUnitTraceService(JdbcClient jdbc) {
        return new UnitTraceService(new UnitRepository(jdbc));
    }

    @Bean
    WhereUsedService traceWhereUsedService(
            JdbcClient jdbc,
            @Qualifier("traceMessaging") ServiceMessaging traceMessaging,
            TransactionTemplate transactions,
            TraceSettings settings,
            ExportDesk exports) {
        return new WhereUsedService(
                new WhereUsedRepository(jdbc),
                traceMessaging.outbox(),
                transactions,
                Clock.systemUTC(),
                settings.plant(),
                exports);
    }

    @Bean
    UnitSearchService traceUnitSearchService(JdbcClient jdbc) {
        return new UnitSearchService(new SearchRepository(jdbc));
    }

    /**
     * The controllers are not candidates where a {@link UnitTrace}, {@link WhereUsed} or {@link UnitSearch} is
     * injected: they implement them only to take their HTTP mappings, and the in-process bindings are the services.
     */
    @Bean(autowireCandidate = false)
    UnitTraceController traceUnitTraceController(UnitTraceService traceUnitTraceService) {
        return new UnitTraceController(traceUnitTraceService);
    }

    @Bean(autowireCandidate = false)
    WhereUsedController traceWhereUsedController(WhereUsedService traceWhereUsedService) {
        return new WhereUsedController(traceWhereUsedService);
    }

    @Bean(autowireCandidate = false)
    UnitSearchController traceUnitSearchController(UnitSearchService traceUnitSearchService) {
        return new UnitSearchController(traceUnitSearchService);
    }
}
