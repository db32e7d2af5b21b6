package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.linetrace.testing.RealServers;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database goes away while a listener's transaction is open (its connection is cut, as when PostgreSQL stops):
 * whatever the statement's and the rollback's exceptions become on their way out of Spring's transaction, the error
 * handler must see the database away, and wait, rather than count a good record's retries and dead-letter it.
 */
class ConnectionLostInTransactionIT {

    @Test
    void aConnectionCutInsideATransactionIsTheDatabaseBeingAwayNotTheRecord() {
        var servers = RealServers.get();
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(servers.jdbcUrl());
            pool.setUsername(servers.username());
            pool.setPassword(servers.password());
            pool.setMaximumPoolSize(2);
            var jdbc = JdbcClient.create(pool);
            var killer = JdbcClient.create(
                    new DriverManagerDataSource(servers.jdbcUrl(), servers.username(), servers.password()));
            // The transaction manager a Spring Boot service is given.
            var transactions = new TransactionTemplate(new JdbcTransactionManager(pool));

            var thrown = catchThrowable(() -> transactions.executeWithoutResult(status -> {
                int pid =
                        jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                killer.sql("select pg_terminate_backend(:pid)")
                        .param("pid", pid)
                        .query(Boolean.class)
                        .single();
                jdbc.sql("select 1").query(Integer.class).single();
            }));

            assertThat(thrown).isNotNull();
            assertThat(MessagingAutoConfiguration.databaseUnavailable(thrown))
                    .as("classified as the database away:%n%s", trace(thrown))
                    .isTrue();
        }
    }

    private static String trace(Throwable thrown) {
        var text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
