package com.linetrace.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;

/**
 * Audit's shape: beans imported by name, never scanned; an api that needs nothing of Spring but its web annotations;
 * a verifier that needs neither Spring nor a database, so an outsider can run it alone.
 */
class AuditArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.linetrace.audit");

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
                .resideInAPackage("com.linetrace.audit.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.audit.api..",
                        "com.linetrace.contracts..",
                        "java..",
                        "org.jspecify.annotations..",
                        "org.springframework.web.bind.annotation..",
                        "org.springframework.web.service.annotation..")
                .because("clients build on the api alone, in-process or over HTTP")
                .check(CLASSES);
    }

    @Test
    void theVerifierNeedsNoSpringAndNoDatabase() {
        classes()
                .that()
                .resideInAPackage("com.linetrace.audit.verifier..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.audit.verifier..", "java..", "org.jspecify.annotations..", "tools.jackson..")
                .because("an outsider checks the ledger with the public key alone")
                .check(CLASSES);
    }
}
