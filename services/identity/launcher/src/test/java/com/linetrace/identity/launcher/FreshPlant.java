package com.linetrace.identity.launcher;

import com.linetrace.testing.RealServers;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Identity alone on a database of its own and a data directory of its own, as a new plant starts: the test JVM's
 * PostgreSQL server, but not the database every other test shares (whose users these tests must not see or leave).
 */
final class FreshPlant {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    final String jdbcUrl;
    final Path dataDir;

    private FreshPlant(String jdbcUrl, Path dataDir) {
        this.jdbcUrl = jdbcUrl;
        this.dataDir = dataDir;
    }

    static FreshPlant in(Path dataDir) {
        var servers = RealServers.get();
        var database = "plant_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password());
                var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a database for the test", e);
        }
        var matcher = URL.matcher(servers.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + servers.jdbcUrl());
        }
        return new FreshPlant(matcher.group(1) + database + matcher.group(3), dataDir);
    }

    /** Identity's launcher on this plant's database and data directory, with these settings. */
    ConfigurableApplicationContext start(String... settings) {
        return new SpringApplicationBuilder(IdentityLauncher.class)
                .run(args(settings).toArray(String[]::new));
    }

    List<String> args(String... settings) {
        var servers = RealServers.get();
        var args = new ArrayList<String>();
        args.add("--spring.datasource.url=" + jdbcUrl);
        args.add("--spring.datasource.username=" + servers.username());
        args.add("--spring.datasource.password=" + servers.password());
        args.add("--spring.kafka.bootstrap-servers=" + servers.bootstrapServers());
        args.add("--server.port=0");
        args.add("--linetrace.data-dir=" + dataDir);
        args.add("--linetrace.identity.token.throw-away-key=true");
        args.addAll(List.of(settings));
        return args;
    }
}
