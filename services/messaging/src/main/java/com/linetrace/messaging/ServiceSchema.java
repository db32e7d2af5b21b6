package com.linetrace.messaging;

import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each service owns one PostgreSQL schema and migrates it with its own Liquibase changelog
 * ({@code db/changelog/<schema>/changelog.yaml}), keeping Liquibase's bookkeeping tables in that schema too.
 * Several services can share one database without touching each other's tables.
 */
public final class ServiceSchema {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private ServiceSchema() {}

    /**
     * A Liquibase migration of {@code schema}, creating the schema first if it does not exist. A schema that exists
     * is left as it is: a service deployed apart signs in with a login that owns its schema but may not create
     * schemas, and PostgreSQL checks that right even for {@code create schema if not exists}.
     */
    public static SpringLiquibase liquibase(DataSource dataSource, String schema) {
        requireName(schema);
        var jdbc = new JdbcTemplate(dataSource);
        var exists = jdbc.queryForObject(
                "select exists (select 1 from pg_namespace where nspname = ?)", Boolean.class, schema);
        if (!Boolean.TRUE.equals(exists)) {
            jdbc.execute("create schema if not exists " + schema);
        }
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/" + schema + "/changelog.yaml");
        liquibase.setDefaultSchema(schema);
        liquibase.setLiquibaseSchema(schema);
        liquibase.setChangeLogParameters(Map.of("schema", schema));
        // Liquibase 4.33 fetches its analytics settings from the internet at every migration unless told not to,
        // and Boot's spring.liquibase.analytics-enabled only reaches the SpringLiquibase that Boot builds itself.
        liquibase.setAnalyticsEnabled(false);
        return liquibase;
    }

    static String qualified(String schema, String table) {
        return requireName(schema) + "." + table;
    }

    private static String requireName(String schema) {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        return schema;
    }
}
