package com.linetrace.plant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between modules, checked on every class of the plant: a service never uses another service's
 * classes (they meet in contracts, over Kafka), and the UI uses only the services' api packages.
 */
class ArchitectureTests {

    static final List<String> SERVICES =
            List.of("tracking", "trace", "provisioning", "identity", "deadletter", "metrics", "audit");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.linetrace");

    @Test
    void servicesDoNotUseEachOther() {
        for (var service : SERVICES) {
            var others = SERVICES.stream()
                    .filter(other -> !other.equals(service))
                    .map(other -> "com.linetrace." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("com.linetrace." + service + "..")
                    .should()
                    .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(others)
                            .and(DescribedPredicate.not(
                                    JavaClass.Predicates.resideInAPackage("com.linetrace.*.api.."))))
                    .because("services meet only through contracts and Kafka, and where a person needs an answer now"
                            + " through the owning service's api")
                    .check(CLASSES);
        }
    }

    @Test
    void onlyIdentityKnowsThePlantsUsers() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.linetrace.identity..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.security.core.userdetails.UserDetailsService.class)
                .because("only identity reads identity's tables; every other process knows a caller by its token")
                .check(CLASSES);
    }

    @Test
    void sharedModulesDependOnNoService() {
        noClasses()
                .that()
                .resideInAnyPackage("com.linetrace.contracts..", "com.linetrace.messaging..", "com.linetrace.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.tracking..",
                        "com.linetrace.trace..",
                        "com.linetrace.provisioning..",
                        "com.linetrace.deadletter..",
                        "com.linetrace.metrics..",
                        "com.linetrace.audit..",
                        "com.linetrace.ui..")
                .check(CLASSES);
    }

    @Test
    void sharedModulesUseNoServiceButIdentitysSignatureCheck() {
        // Electronic signatures are one path for every service (DD018): the shared code asks identity's api, and
        // only its api, whether a re-entered password is the signer's.
        noClasses()
                .that()
                .resideInAnyPackage("com.linetrace.contracts..", "com.linetrace.messaging..", "com.linetrace.web..")
                .should()
                .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "identity's internals, or its api outside electronic signatures",
                        c -> c.getPackageName().startsWith("com.linetrace.identity")
                                && !c.getPackageName().equals("com.linetrace.identity.api")))
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("com.linetrace.contracts..", "com.linetrace.messaging..", "com.linetrace.web..")
                .and()
                .resideOutsideOfPackage("com.linetrace.web.signature..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.linetrace.identity..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorKnowsThePlantOnlyThroughItsHttpApi() {
        noClasses()
                .that()
                .resideInAPackage("com.linetrace.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.linetrace.contracts..",
                        "com.linetrace.messaging..",
                        "com.linetrace.tracking..",
                        "com.linetrace.trace..",
                        "com.linetrace.provisioning..",
                        "com.linetrace.identity..",
                        "com.linetrace.deadletter..",
                        "com.linetrace.metrics..",
                        "com.linetrace.audit..",
                        "com.linetrace.ui..")
                .because("it drives the plant as a station client would, so it must not need the plant's classes")
                .check(CLASSES);
    }

    @Test
    void theUiUsesOnlyTheServicesApis() {
        noClasses()
                .that()
                .resideInAPackage("com.linetrace.ui..")
                .should()
                .dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "a service's internals",
                                c -> c.getPackageName()
                                                .matches(
                                                        "com\\.linetrace\\.(tracking|trace|provisioning|deadletter|identity|metrics|audit)(\\..*)?")
                                        && !c.getPackageName()
                                                .matches(
                                                        "com\\.linetrace\\.(tracking|trace|provisioning|deadletter|identity|metrics|audit)\\.api(\\..*)?")))
                .check(CLASSES);
    }
}
