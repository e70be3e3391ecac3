package dev.opsjournal.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The few structural rules of the server that matter. */
@AnalyzeClasses(
    packages = "dev.opsjournal.server",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("dev.opsjournal.server.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule readModelsDoNotSendCommands =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..ownership..",
              "..timeline..",
              "..sync..",
              "..drift..",
              "..conflict..",
              "..outage..",
              "..catalog..",
              "..report..")
          .should()
          .dependOnClassesThat()
          .haveSimpleName("CommandGateway")
          .because(
              "projections and queries only read; commands come from ingest (and the verdicts it hands on, journal.Verdicts)");

  @ArchTest
  static final ArchRule noWallClockInTheServerRules =
      noClasses()
          .that()
          .resideInAnyPackage("..ingest..", "..journal..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .because("the journal's clock is observation time");

  @ArchTest
  static final ArchRule noGitOrKubernetesClientInTheServer =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jgit..", "io.fabric8..")
          .because(
              "query-api does not declare JGit or fabric8: what reads Git or Kubernetes objects"
                  + " lives in collectors (the replay in collectors.replay) behind its own API");
}
