package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.RealServers;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A service deployed apart signs in to PostgreSQL with a login of its own that owns its schema and nothing else: it
 * migrates that schema without any right on the database itself.
 */
class ServiceSchemaIT {

    static final String SCHEMA = "owned_test";
    static final String LOGIN = "owned_test_service";
    static final String PASSWORD = "owned-test-secret";

    @BeforeAll
    static void createLoginOwningItsSchema() {
        var admin = JdbcClient.create(admin());
        admin.sql("drop schema if exists " + SCHEMA + " cascade").update();
        admin.sql("drop role if exists " + LOGIN).update();
        admin.sql("create role " + LOGIN + " login password '" + PASSWORD + "'").update();
        // As on a server set up for services apart: no login but the administrator's may create schemas.
        var database =
                admin.sql("select current_database()").query(String.class).single();
        admin.sql("revoke create on database \"" + database + "\" from public").update();
        // What a database administrator does once per service: the schema, owned by the service's login.
        admin.sql("create schema " + SCHEMA + " authorization " + LOGIN).update();
    }

    @Test
    void migratesTheSchemaItsLoginOwnsWithoutTheRightToCreateSchemas() throws Exception {
        var service = service();
        var liquibase = ServiceSchema.liquibase(service, SCHEMA);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();

        var jdbc = JdbcClient.create(service);
        assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".outbox")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".inbox")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(LOGIN);
        assertThat(jdbc.sql("select has_database_privilege(current_user, current_database(), 'CREATE')")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    /**
     * Compose starts both instances of a service together, and on a fresh database both find the schema empty: each
     * must wait for the other's migration rather than race it to create Liquibase's tables.
     */
    @Test
    void migratesOneFreshSchemaFromSeveralInstancesStartingAtOnce() throws Exception {
        var admin = JdbcClient.create(admin());
        for (int round = 0; round < 3; round++) {
            var schema = "fresh_test";
            admin.sql("drop schema if exists " + schema + " cascade").update();
            var start = new CountDownLatch(1);
            var instances = Executors.newFixedThreadPool(4);
            var migrations = new ArrayList<Future<?>>();
            for (int i = 0; i < 4; i++) {
                migrations.add(instances.submit(() -> {
                    var liquibase = ServiceSchema.liquibase(admin(), schema);
                    liquibase.setResourceLoader(new DefaultResourceLoader());
                    start.await();
                    liquibase.afterPropertiesSet();
                    return null;
                }));
            }
            start.countDown();
            for (var migration : migrations) {
                migration.get(60, TimeUnit.SECONDS);
            }
            instances.shutdown();
            assertThat(admin.sql("select count(*) from " + schema + ".databasechangelog where author is not null")
                            .query(Long.class)
                            .single())
                    .as("each change set applied once")
                    .isEqualTo(admin.sql("select count(distinct id) from " + schema + ".databasechangelog")
                            .query(Long.class)
                            .single());
        }
    }

    private static DriverManagerDataSource service() {
        // The embedded server's URL names its user (zonky's ?user=postgres), which would win over this login.
        var url = RealServers.get()
                .jdbcUrl()
                .replaceFirst("([?&])user=[^&]*&?", "$1")
                .replaceFirst("[?&]$", "");
        return new DriverManagerDataSource(url, LOGIN, PASSWORD);
    }

    private static DriverManagerDataSource admin() {
        var servers = RealServers.get();
        return new DriverManagerDataSource(servers.jdbcUrl(), servers.username(), servers.password());
    }
}
