package com.linetrace.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plant in a box keeps its data across a restart when it has a data directory. */
class EmbeddedPostgresRestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataAcrossARestart() throws SQLException {
        try (var first = EmbeddedPostgresServer.start(dataDirectory);
                var connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
            connection.createStatement().execute("create table kept (value text)");
            connection.createStatement().execute("insert into kept values ('still here')");
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();

        try (var second = EmbeddedPostgresServer.start(dataDirectory);
                var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                var result = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("still here");
        }
    }
}
