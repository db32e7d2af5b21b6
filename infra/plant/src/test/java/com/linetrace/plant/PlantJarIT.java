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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plant jar as it ships (Failsafe runs after {@code package}): no test library, one version of Kafka, the one
 * its embedded server and its clients were built against, and a CycloneDX SBOM that names every library it carries.
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

    /**
     * A plant's IT can check what it runs against vulnerability feeds without unpacking the jar. The SBOM is made at
     * build time from the dependency tree (runtime scopes), so this checks it against what was actually packed.
     */
    @Test
    void listsEveryLibraryItCarriesInItsSbom() throws IOException {
        libraries();
        JsonNode sbom;
        try (var jar = new ZipFile(JAR.toFile())) {
            var entry = jar.getEntry("META-INF/sbom/application.cdx.json");
            assertThat(entry).as("the SBOM in the jar").isNotNull();
            try (var in = jar.getInputStream(entry)) {
                sbom = JsonMapper.builder().build().readTree(in);
            }
        }
        assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        var listed = new TreeSet<String>();
        sbom.path("components")
                .forEach(c -> listed.add("BOOT-INF/lib/" + c.path("name").asString() + "-"
                        + c.path("version").asString() + ".jar"));
        assertThat(libraries())
                // Added by Boot's repackaging (the jar's own tools, `java -Djarmode=tools`), not a dependency.
                .filteredOn(lib -> lib.endsWith(".jar") && !lib.startsWith("BOOT-INF/lib/spring-boot-jarmode-tools-"))
                .isNotEmpty()
                .allMatch(listed::contains, "named in the SBOM");
        assertThat(listed).noneMatch(lib -> lib.matches("BOOT-INF/lib/(junit|spring-test|assertj|mockito).*"));
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
