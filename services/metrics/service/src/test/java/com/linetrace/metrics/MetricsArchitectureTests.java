package com.linetrace.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;

/** Metrics' shape: beans imported by name, never scanned; an api that needs nothing of Spring but its web annotations. */
class MetricsArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.linetrace.metrics");

    @Test
    void scansNoComponents() {
        noClasses()
                .should()
                .beAnnotatedWith(ComponentScan.class)
                .because("an auto-configuration imports its beans; a scan picks up whatever its packages hold")
                .check(CLASSES);
    }

    @Test
    void theApiNeedsOnlySpringsHttpAnnotations() {
        classes()
                .that()
                .resideInAPackage("com.linetrace.metrics.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.metrics.api..",
                        "com.linetrace.contracts..",
                        "java..",
                        "org.jspecify.annotations..",
                        "org.springframework.web.bind.annotation..",
                        "org.springframework.web.service.annotation..",
                        // A shift report's documents are answers with headers and bytes, as trace's records are,
                        // and its date is read the same way by the server and the clients.
                        "org.springframework.http..",
                        "org.springframework.core.io..",
                        "org.springframework.format.annotation..")
                .because("clients build on the api alone, in-process or over HTTP")
                .check(CLASSES);
    }

    @Test
    void readsNoTableButItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("com.linetrace.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.tracking..",
                        "com.linetrace.trace..",
                        "com.linetrace.provisioning..",
                        "com.linetrace.identity..",
                        "com.linetrace.deadletter..")
                .because("metrics is computed from the events alone")
                .check(CLASSES);
    }
}
