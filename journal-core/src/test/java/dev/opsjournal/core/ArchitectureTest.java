package dev.opsjournal.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The few structural rules that matter for journal-core (STYLE.md, "Build habits"). */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.opsjournal.core");

  private static final String[] DECIDING_PACKAGES = {
    "dev.opsjournal.core.resource..",
    "dev.opsjournal.core.application..",
    "dev.opsjournal.core.source..",
    "dev.opsjournal.core.cluster.."
  };

  @Test
  void givenJournalCore_whenItsDependenciesAreChecked_thenNoSpringFabric8JGitOrKafka() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "io.fabric8..", "org.eclipse.jgit..", "org.apache.kafka..")
        .check(CORE);
  }

  @Test
  void givenAggregatesAndRules_whenTheirCallsAreChecked_thenNoWallClock() {
    noClasses()
        .that()
        .resideInAnyPackage(DECIDING_PACKAGES)
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("time arrives in the command: a replay must give the answers the live run gave")
        .check(CORE);
  }

  @Test
  void givenAggregatesAndRules_whenTheirCallsAreChecked_thenNoRandomIds() {
    noClasses()
        .that()
        .resideInAnyPackage(DECIDING_PACKAGES)
        .should()
        .callMethod(UUID.class, "randomUUID")
        .because("ids arrive in the command: a replay must give the answers the live run gave")
        .check(CORE);
  }

  @Test
  void givenFeaturePackages_whenTheirDependenciesAreChecked_thenNoCycles() {
    slices().matching("dev.opsjournal.core.(*)..").should().beFreeOfCycles().check(CORE);
  }
}
