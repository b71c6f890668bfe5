package org.hlspipeline.queryapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.hlspipeline.processor.SourceFileSlices;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering of the query API's main code (see docs/architecture.md): no two packages and no two classes
 * depend on each other, directly or around a longer loop, and controllers reach the stores only through the
 * query services.
 */
@AnalyzeClasses(packages = "org.hlspipeline.queryapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.hlspipeline.queryapi.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_CLASS_CYCLES = slices().assignedFrom(SourceFileSlices.under("org.hlspipeline.queryapi"))
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule CONTROLLERS_DO_NOT_TOUCH_KAFKA_STREAMS = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.streams..")
            .orShould().dependOnClassesThat().belongToAnyOf(StreamsRuntime.class);
}
