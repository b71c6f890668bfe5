package org.hlspipeline.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout of docs/architecture.md, enforced: the pure core (HLS model and renderer, live window, playout
 * engine, input rules, URL signing) imports neither Kafka, Spring nor Avro, generated records included; neither the packages
 * nor the classes of processor and schemas depend on each other in a circle; and JSON is Jackson 3 only.
 */
@AnalyzeClasses(packages = {"org.hlspipeline.processor", "org.hlspipeline.schemas"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] PURE_CORE = {"org.hlspipeline.processor.hls..",
            "org.hlspipeline.processor.window..", "org.hlspipeline.processor.playout..",
            "org.hlspipeline.processor.rules..", "org.hlspipeline.processor.signing.."};

    @ArchTest
    static final ArchRule pureCoreImportsNoFramework = noClasses().that().resideInAnyPackage(PURE_CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                    "org.apache.avro..", "org.hlspipeline.schemas..")
            .because("the pure core is plain Java; adapters translate Kafka records and Avro contracts for it");

    @ArchTest
    static final ArchRule jacksonThreeOnly = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..")
            .because("JSON is Jackson 3 (tools.jackson), as Spring Boot 4 uses; Jackson 2 is only Avro's own");

    @ArchTest
    static final ArchRule processorPackagesHaveNoCycle = slices().matching("org.hlspipeline.processor.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule processorClassesHaveNoCycle = slices().assignedFrom(SourceFileSlices.under(
            "org.hlspipeline.processor")).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule schemasPackagesHaveNoCycle = slices().matching("org.hlspipeline.schemas.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule schemasClassesHaveNoCycle = slices().assignedFrom(SourceFileSlices.under(
            "org.hlspipeline.schemas")).should().beFreeOfCycles();
}
