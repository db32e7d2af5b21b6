package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterRunOptionsTests {

    @Test
    void findsTheLaunchersInTheRepositoryThePlantJarWasBuiltIn() {
        var options = ClusterRun.Options.parse("--jar=/repo/infra/plant/target/linetrace-plant.jar");

        assertThat(options.launchers()).isEqualTo(Path.of("/repo"));
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.restartLimit()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void takesTheLaunchersFromWhereTheyAreNamed() {
        var options = ClusterRun.Options.parse(
                "--jar=/opt/linetrace-plant.jar", "--launchers=/builds/linetrace", "--window=90s", "--workers=2");

        assertThat(options.launchers()).isEqualTo(Path.of("/builds/linetrace"));
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.workers()).isEqualTo(2);
    }

    @Test
    void refusesASingleInstanceAndUnknownOptions() {
        assertThatThrownBy(() -> ClusterRun.Options.parse("--jar=/r/infra/plant/target/p.jar", "--instances=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--instances is at least 2");
        assertThatThrownBy(() -> ClusterRun.Options.parse("--jar=/r/infra/plant/target/p.jar", "--brokers=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --brokers=5");
    }
}
