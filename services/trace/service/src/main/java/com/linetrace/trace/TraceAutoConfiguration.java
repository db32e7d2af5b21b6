package com.linetrace.trace;

import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceSchema;
import com.linetrace.trace.history.HistoryConfiguration;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trace's beans, for the plant in a box or for trace running alone: its schema, its inbox, and each feature's
 * configuration, imported by name (no component scan, so nothing else on the class path becomes a bean of trace's).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@Import(HistoryConfiguration.class)
public class TraceAutoConfiguration {

    static final String SCHEMA = "trace";

    @Bean
    SpringLiquibase traceLiquibase(DataSource dataSource) {
        return ServiceSchema.liquibase(dataSource, SCHEMA);
    }

    @Bean
    Inbox traceInbox(JdbcClient jdbc, SpringLiquibase traceLiquibase) {
        return new Inbox(jdbc, SCHEMA);
    }
}
