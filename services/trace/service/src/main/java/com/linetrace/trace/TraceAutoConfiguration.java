package com.linetrace.trace;

import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceSchema;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Trace's beans, for the plant in a box or for trace running alone. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
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
