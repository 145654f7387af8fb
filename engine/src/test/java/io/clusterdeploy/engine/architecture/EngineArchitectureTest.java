package io.clusterdeploy.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.clusterdeploy.engine.operation.OperationStep;

/** The engine stays free of clouds, Jenkins and HTTP servers, so every front end can use it; its packages form no cycle. */
@AnalyzeClasses(packages = "io.clusterdeploy.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    @ArchTest
    static final ArchRule noCloudSdkJenkinsOrHttpServer = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.fabric8..", "software.amazon..", "hudson..", "jenkins..", "org.kohsuke..",
                    "org.jenkinsci..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..",
                    "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule modelDependsOnNothingButErrors = noClasses()
            .that().resideInAPackage("io.clusterdeploy.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.clusterdeploy.engine.operation..", "io.clusterdeploy.engine.deploy..",
                    "io.clusterdeploy.engine.api..", "io.clusterdeploy.engine.provider..");

    /** Every package is its own slice (deploy and deploy.strategy are two). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("io.clusterdeploy.engine.(**)").should().beFreeOfCycles();

    /** The runner knows no operation type, strategy, guard or API: those are built on it. */
    @ArchTest
    static final ArchRule operationIsTheRunnerOnly = noClasses()
            .that().resideInAPackage("io.clusterdeploy.engine.operation")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.clusterdeploy.engine.catalog..", "io.clusterdeploy.engine.deploy..",
                    "io.clusterdeploy.engine.cluster..", "io.clusterdeploy.engine.servergroup..",
                    "io.clusterdeploy.engine.loadbalancer..", "io.clusterdeploy.engine.guard..",
                    "io.clusterdeploy.engine.plan..", "io.clusterdeploy.engine.api..");

    /** A step's timeline name comes from its class name, so every step class is named for what it does. */
    @ArchTest
    static final ArchRule stepClassesAreNamedSteps = classes()
            .that().implement(OperationStep.class).and().areNotInterfaces()
            .should().haveSimpleNameEndingWith("Step")
            .andShould().notBeAnonymousClasses();
}
