package io.clusterdeploy.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays free of clouds, Jenkins and HTTP servers, so every front end can use it. */
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
}
