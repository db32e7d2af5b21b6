package com.linetrace.tracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;

/** Tracking's shape: beans imported by name, never scanned; an api that needs nothing of Spring but its web annotations. */
class TrackingArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.linetrace.tracking");

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
                .resideInAPackage("com.linetrace.tracking.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.tracking.api..",
                        "com.linetrace.contracts..",
                        // A signed decision's request carries identity's signature credential.
                        "com.linetrace.identity.api..",
                        "java..",
                        "jakarta.validation..",
                        "org.jspecify.annotations..",
                        "org.springframework.http..",
                        "org.springframework.web.bind.annotation..",
                        "org.springframework.web.service.annotation..")
                .because("clients build on the api alone (and the apis it names), in-process or over HTTP")
                .check(CLASSES);
    }
}
