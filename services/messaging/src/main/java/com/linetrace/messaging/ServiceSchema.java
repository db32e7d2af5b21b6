package com.linetrace.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Each service owns one PostgreSQL schema and migrates it with its own Liquibase changelog
 * ({@code db/changelog/<schema>/changelog.yaml}), keeping Liquibase's bookkeeping tables in that schema too.
 * Several services can share one database without touching each other's tables.
 */
public final class ServiceSchema {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private ServiceSchema() {}

    /**
     * A Liquibase migration of {@code schema}, creating the schema first if it does not exist, one instance at a time
     * ({@link OneAtATime}).
     */
    public static SpringLiquibase liquibase(DataSource dataSource, String schema) {
        requireName(schema);
        var liquibase = new OneAtATime(schema);
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

    /**
     * A migration that waits for any other instance's migration of the same schema. Instances of a service started
     * together on a fresh database (compose starts both at once) all find the schema empty, and Liquibase's own lock
     * lives in a table it must create first: they raced to create it and all but one failed ("relation
     * databasechangelog already exists"). A PostgreSQL advisory lock, held on a connection of its own for the whole
     * migration, lets one migrate while the others wait, then find nothing left to do.
     */
    private static final class OneAtATime extends SpringLiquibase {

        private final String schema;

        OneAtATime(String schema) {
            this.schema = schema;
        }

        @Override
        public void afterPropertiesSet() throws LiquibaseException {
            var key = "linetrace-schema-migration:" + schema;
            try (var connection = getDataSource().getConnection()) {
                try (var lock = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                    lock.setString(1, key);
                    lock.execute();
                }
                try {
                    createIfMissing(connection);
                    super.afterPropertiesSet();
                } finally {
                    try (var unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                        unlock.setString(1, key);
                        unlock.execute();
                    }
                }
            } catch (SQLException e) {
                throw new LiquibaseException("Could not migrate schema " + schema + ": " + e.getMessage(), e);
            }
        }

        /**
         * A schema that exists is left as it is: a service deployed apart signs in with a login that owns its schema
         * but may not create schemas, and PostgreSQL checks that right even for {@code create schema if not exists}.
         */
        private void createIfMissing(Connection connection) throws SQLException {
            try (var exists =
                    connection.prepareStatement("select exists (select 1 from pg_namespace where nspname = ?)")) {
                exists.setString(1, schema);
                try (var result = exists.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return;
                    }
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create schema if not exists " + schema);
            }
        }
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
