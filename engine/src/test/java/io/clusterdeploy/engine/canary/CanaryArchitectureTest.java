package io.clusterdeploy.engine.canary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The canary judge is pure computation: its packages form no cycle, and none of them reaches the
 * engine's operations, strategies, API or providers (those call the judge, not the reverse). The
 * statistics know nothing of configs or reports.
 */
@AnalyzeClasses(packages = "io.clusterdeploy.engine.canary", importOptions = ImportOption.DoNotIncludeTests.class)
class CanaryArchitectureTest {
    @ArchTest
    static final ArchRule noCycles = slices().matching("io.clusterdeploy.engine.canary.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule judgeStaysOutOfOperations = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.clusterdeploy.engine.operation..", "io.clusterdeploy.engine.deploy..",
                    "io.clusterdeploy.engine.api..", "io.clusterdeploy.engine.provider..",
                    "io.clusterdeploy.engine.cluster..", "io.clusterdeploy.engine.serverop..");

    @ArchTest
    static final ArchRule statisticsStandAlone = noClasses()
            .that().resideInAPackage("io.clusterdeploy.engine.canary.stats..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.clusterdeploy.engine.canary.config..", "io.clusterdeploy.engine.canary.report..",
                    "io.clusterdeploy.engine.canary.judge..", "io.clusterdeploy.engine.canary.source..");
}
