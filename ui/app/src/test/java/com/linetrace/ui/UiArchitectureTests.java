package com.linetrace.ui;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The UI calls tracking, trace and provisioning only through their public {@code api} packages, and no other service at all:
 * so it can later call them over HTTP instead, and their insides can change freely. (javac inlines constants,
 * so a rule sees uses of methods, types and annotations, not of {@code static final} values.)
 */
@AnalyzeClasses(packages = "com.linetrace", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTests {

    @ArchTest
    static final ArchRule uiUsesOnlyTheApiOfTrackingTraceAndProvisioning = noClasses()
            .that()
            .resideInAPackage("com.linetrace.ui..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "com.linetrace.tracking..",
                            "com.linetrace.trace..",
                            "com.linetrace.provisioning..",
                            "com.linetrace.deadletter..",
                            "com.linetrace.metrics..",
                            "com.linetrace.identity..")
                    .and(not(resideInAPackage("..api.."))))
            .because("the services' insides are theirs; the api packages are what they offer");

    @ArchTest
    static final ArchRule uiUsesNoOtherService = classes()
            .that()
            .resideInAPackage("com.linetrace.ui..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("com.linetrace..")
                    .or(resideInAnyPackage(
                            "com.linetrace.ui..",
                            "com.linetrace.contracts..",
                            "com.linetrace.web..",
                            "com.linetrace.identity.api..",
                            "com.linetrace.tracking.api..",
                            "com.linetrace.trace.api..",
                            "com.linetrace.provisioning.api..",
                            "com.linetrace.deadletter.api..",
                            "com.linetrace.metrics.api..",
                            "com.linetrace.audit.api..")))
            .because("services talk through contracts and their public APIs only");
}
