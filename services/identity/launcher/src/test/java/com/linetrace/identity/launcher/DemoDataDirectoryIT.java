package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A data directory whose users the demo profile made is marked as the demo's: a start outside the demo refuses it,
 * saying why and what to do, or removes the demo users when told to, each removal audited.
 */
class DemoDataDirectoryIT {

    private static JdbcClient jdbc(FreshPlant plant) {
        var servers = com.linetrace.testing.RealServers.get();
        return JdbcClient.create(new DriverManagerDataSource(plant.jdbcUrl, servers.username(), servers.password()));
    }

    private static List<String> users(FreshPlant plant) {
        return jdbc(plant)
                .sql("select username from identity.users order by username")
                .query(String.class)
                .list();
    }

    @Test
    void refusesAStartOutsideTheDemoOnADemoDataDirectorySayingWhyAndWhatToDo(@TempDir Path dir) {
        var plant = FreshPlant.in(dir);
        plant.start("--linetrace.identity.demo-users=true").close();
        var before = users(plant);

        assertThatThrownBy(() -> plant.start("--linetrace.identity.demo-users=false"))
                .hasStackTraceContaining(
                        "holds the demo plant's users [admin, engineer, manager, operator, quality," + " supervisor]")
                .hasStackTraceContaining("--spring.profiles.active=demo")
                .hasStackTraceContaining("--linetrace.identity.demo-users-found=remove");

        assertThat(users(plant)).isEqualTo(before).contains("admin");
        assertThat(Files.exists(dir.resolve("identity-setup-code"))).isFalse();
    }

    @Test
    void recognisesADemoDataDirectoryMadeBeforeItsUsersWereMarked(@TempDir Path dir) {
        var plant = FreshPlant.in(dir);
        plant.start("--linetrace.identity.demo-users=true").close();
        jdbc(plant).sql("update identity.users set demo = false").update();

        assertThatThrownBy(() -> plant.start("--linetrace.identity.demo-users=false"))
                .hasStackTraceContaining(
                        "holds the demo plant's users [admin, engineer, manager, operator, quality," + " supervisor]");
    }

    @Test
    void removesTheDemoUsersWhenToldAuditsEachAndOpensTheFirstRunSetup(@TempDir Path dir) {
        var plant = FreshPlant.in(dir);
        plant.start("--linetrace.identity.demo-users=true").close();

        try (var identity =
                plant.start("--linetrace.identity.demo-users=false", "--linetrace.identity.demo-users-found=remove")) {
            assertThat(users(plant)).isEmpty();
            var removed = jdbc(plant)
                    .sql("select message_key from identity.outbox where event_type = 'UserRemoved' order by id")
                    .query(String.class)
                    .list();
            assertThat(removed).hasSize(6).containsOnly("linetrace-identity");
            assertThat(Files.exists(dir.resolve("identity-setup-code"))).isTrue();
        }
    }
}
