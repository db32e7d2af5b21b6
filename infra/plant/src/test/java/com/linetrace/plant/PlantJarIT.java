package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The plant jar as it ships (Failsafe runs after {@code package}): no test library, and one version of Kafka, the
 * one its embedded server and its clients were built against.
 */
class PlantJarIT {

    private static final Path JAR = Path.of("target", "linetrace-plant.jar");
    private static final Pattern KAFKA = Pattern.compile("BOOT-INF/lib/kafka[a-z0-9_.-]*?-(\\d+\\.\\d+\\.\\d+)\\.jar");

    @Test
    void carriesNoTestLibrary() throws IOException {
        assertThat(libraries())
                .isNotEmpty()
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/(junit|spring-test|spring-kafka-test|spring-boot-test"
                        + "|opentest4j|assertj|mockito|hamcrest|awaitility|testcontainers|selenium|archunit).*"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/kafka[a-z0-9_.-]*-test\\.jar"))
                .noneMatch(lib -> lib.matches("BOOT-INF/lib/.*-tests?\\.jar"));
    }

    @Test
    void carriesOneVersionOfKafka() throws IOException {
        var versions = new TreeSet<String>();
        for (var lib : libraries()) {
            var kafka = KAFKA.matcher(lib);
            if (kafka.matches()) {
                versions.add(kafka.group(1));
            }
        }
        assertThat(versions).hasSize(1);
    }

    private static java.util.List<String> libraries() throws IOException {
        assertThat(Files.exists(JAR))
                .as("the plant jar is built before the integration tests")
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
