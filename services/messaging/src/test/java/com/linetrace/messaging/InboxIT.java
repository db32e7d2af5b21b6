package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventIds;
import com.linetrace.testing.RealServers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a consumer handed the same event at the same moment (a rebalance hands a partition over while the
 * old owner is still applying a record): the inbox lets exactly one of them apply it, whichever order they commit in.
 */
class InboxIT {

    static final String SCHEMA = "outbox_test";

    static JdbcClient jdbc;
    static TransactionTemplate transactions;

    @BeforeAll
    static void migrate() throws Exception {
        var servers = RealServers.get();
        var dataSource = new DriverManagerDataSource(servers.jdbcUrl(), servers.username(), servers.password());
        var liquibase = ServiceSchema.liquibase(dataSource, SCHEMA);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void theSecondInstanceWaitsForTheFirstAndSkipsTheEventItCommitted() throws Exception {
        var race = race(EventIds.next(), true);
        assertThat(race.first()).isTrue();
        assertThat(race.second()).as("applied again by the second instance").isFalse();
    }

    @Test
    void theSecondInstanceAppliesTheEventWhenTheFirstRolledBack() throws Exception {
        var race = race(EventIds.next(), false);
        assertThat(race.first()).isTrue();
        assertThat(race.second()).as("lost: neither instance applied it").isTrue();
    }

    private record Race(boolean first, boolean second) {}

    /**
     * The first instance records the event and holds its transaction open until the second is blocked on the same
     * inbox row, then commits or rolls back; returns what the inbox told each.
     */
    private static Race race(UUID eventId, boolean commitFirst) throws Exception {
        // A thread per instance: the common pool may have only one, and the first instance holds it while it waits.
        try (var instances = Executors.newFixedThreadPool(2)) {
            return race(eventId, commitFirst, instances);
        }
    }

    private static Race race(UUID eventId, boolean commitFirst, ExecutorService instances) throws Exception {
        var firstRecorded = new CountDownLatch(1);
        var secondBlocked = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> {
                    boolean applied = new Inbox(jdbc, SCHEMA).firstDelivery("race", eventId);
                    firstRecorded.countDown();
                    try {
                        assertThat(secondBlocked.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    if (!commitFirst) {
                        status.setRollbackOnly();
                    }
                    return applied;
                }),
                instances);
        assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> new Inbox(jdbc, SCHEMA).firstDelivery("race", eventId)),
                instances);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'insert into outbox_test.inbox%'""").query(Long.class).single() > 0);
        assertThat(second).isNotDone();
        secondBlocked.countDown();
        return new Race(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    }
}
