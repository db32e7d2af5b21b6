package com.linetrace.trace.history;

import com.linetrace.trace.api.UnitHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Units' histories (recorded by the intake): the service reading them, its controller. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    @Bean
    HistoryRepository traceHistoryRepository(JdbcClient jdbc) {
        return new HistoryRepository(jdbc);
    }

    @Bean
    HistoryService traceHistoryService(HistoryRepository traceHistoryRepository) {
        return new HistoryService(traceHistoryRepository);
    }

    /**
     * Not a candidate where a {@link UnitHistory} is injected: it implements the interface only to take its HTTP
     * mappings, and the in-process binding is the service.
     */
    @Bean(autowireCandidate = false)
    HistoryController traceHistoryController(HistoryService traceHistoryService) {
        return new HistoryController(traceHistoryService);
    }
}
