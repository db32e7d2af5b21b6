package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.RealServers;
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
