package dev.opsjournal.collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/** The few structural rules of the collectors that matter. */
@AnalyzeClasses(
    packages = "dev.opsjournal.collectors",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule neverAxon =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.axonframework..")
          .because("collectors only observe and publish: the Axon runtime belongs to query-api");

  @ArchTest
  static final ArchRule noWebServer =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
          .because("collectors serve nothing; the journal's endpoints are query-api's");

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("dev.opsjournal.collectors.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theCollectorsDoNotKnowEachOther =
      noClasses()
          .that()
          .resideInAPackage("..collectors.kubernetes..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..collectors.git..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.opsjournal.collectors")
          .because("each collector runs alone; they share only publish/");

  @ArchTest
  static final ArchRule gitDoesNotKnowKubernetes =
      noClasses()
          .that()
          .resideInAPackage("..collectors.git..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..collectors.kubernetes..");

  @ArchTest
  static final ArchRule publishingKnowsNoCollector =
      noClasses()
          .that()
          .resideInAPackage("..collectors.publish..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..collectors.kubernetes..", "..collectors.git..");

  @ArchTest
  static final ArchRule observationTimeComesFromTheInjectedClock =
      noClasses()
          .that()
          // its reads wait for Kafka until a deadline: a timeout, not an observation time
          .doNotHaveFullyQualifiedName("dev.opsjournal.collectors.kubernetes.KafkaInventory")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("observations are stamped with the injected Clock, so tests can fix the time");

  @ArchTest
  static final ArchRule oneWallClock =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.opsjournal.collectors.publish.PublishConfiguration")
          .should()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .because("the Clock bean is the one wall clock; everything else has it injected");

  @ArchTest
  static final ArchRule mappingAndRulesArePure =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Mapper")
          .or()
          .haveSimpleName("ObjectMapping")
          .or()
          .haveSimpleName("FieldPaths")
          .or()
          .haveSimpleName("Fingerprints")
          .or()
          .haveSimpleName("Node")
          .or()
          .haveSimpleName("InventoryLedger")
          .or()
          .haveSimpleName("Backoff")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.fabric8.kubernetes.client..", "org.apache.kafka..", "org.springframework..")
          .because("mapping an object and deciding what to publish are plain functions");
}
