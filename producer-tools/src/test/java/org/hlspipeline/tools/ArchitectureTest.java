package org.hlspipeline.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.hlspipeline.processor.SourceFileSlices;

/**
 * The layout of producer-tools (see docs/architecture.md, Module map): one package per feature beside the shared
 * {@code cli} leaf, the entry point above them all, no cycles between packages or source files, and nothing of
 * Kafka Streams: the tool uses the processor's pure rules and engine, never its topology.
 */
@AnalyzeClasses(packages = "org.hlspipeline.tools", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycle = slices().matching("org.hlspipeline.tools.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sourceFilesHaveNoCycle = slices().assignedFrom(SourceFileSlices.under("org.hlspipeline.tools"))
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule cliIsALeaf = noClasses().that().resideInAPackage("org.hlspipeline.tools.cli..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.hlspipeline.tools.cli..", "java..",
                    "picocli..", "org.apache.kafka.clients..", "org.apache.kafka.common..", "org.slf4j..",
                    "org.hlspipeline.schemas..", "org.hlspipeline.processor..")
            .because("what every command shares depends on no command");

    @ArchTest
    static final ArchRule onlyTheEntryPointSitsAtTheRoot = noClasses()
            .that().resideOutsideOfPackage("org.hlspipeline.tools")
            .should().dependOnClassesThat().resideInAPackage("org.hlspipeline.tools")
            .because("features reach the entry point through cli, so the root depends on them and never back");

    @ArchTest
    static final ArchRule noKafkaStreams = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka.streams..", "org.rocksdb..")
            .because("the tool ships without Kafka Streams and RocksDB; it uses the processor's pure core only");
}
