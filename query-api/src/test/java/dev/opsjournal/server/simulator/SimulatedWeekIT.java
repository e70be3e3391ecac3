package dev.opsjournal.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.collectors.kubernetes.KubernetesCollector;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import dev.opsjournal.server.simulator.GroundTruth.Drift;
import dev.opsjournal.server.simulator.GroundTruth.Sync;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.MockCluster;
import dev.opsjournal.server.testing.MutableClock;
import dev.opsjournal.server.testing.TappedSink;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Half an hour of a small estate, played by the Argo CD controller simulator on the fabric8 mock
 * API server: two Applications deployed by auto-sync, a person scaling one twice (self-healed, the
 * second time after the backoff), another scaling the other (no self-heal there) until a user syncs
 * it. The real Kubernetes collector observes it all, through Kafka into the journal; the journal's
 * syncs and drifts must be the simulator's ground truth.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opsjournal.collectors.kubernetes.enabled=true",
      "opsjournal.collectors.kubernetes.cluster=" + SimulatedWeekIT.CLUSTER,
      "opsjournal.collectors.kubernetes.heartbeat-interval=1000h",
      "spring.main.allow-bean-definition-overriding=true"
    })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedWeekIT {

  static final String CLUSTER = "sim";
  static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

  /** The cluster, up before the Spring context starts. */
  static final MockCluster apiServer = MockCluster.start();

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @TempDir static Path workspace;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  /** The collectors' world: the mock cluster, the simulator's clock, a tapped sink. */
  @TestConfiguration
  static class Pipeline {

    @Bean
    KubernetesClient kubernetesClient() {
      return apiServer.client();
    }

    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(MONDAY);
    }

    @Bean
    @Primary
    TappedSink observationSink(KafkaTemplate<String, String> kafka, ObjectMapper json) {
      return TappedSink.toKafka(kafka, json);
    }
  }

  @Autowired MutableClock clock;
  @Autowired TappedSink sink;
  @Autowired KubernetesCollector kubernetes;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  Week02Repository repository;
  Simulation simulation;
  final Map<String, Integer> writes = new HashMap<>();

  @BeforeAll
  void playTheEstate() {
    TestTokens.authorized(http);
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    repository = Week02Repository.create(workspace.resolve("platform.git"), 2);
    Estate estate =
        new Estate(
            CLUSTER,
            repository.url(),
            repository.sha(2),
            List.of(
                new App(
                    "shop",
                    "shop",
                    true,
                    List.of(Manifest.deployment("web", 3, "shop:1.4.2"), Manifest.service("web"))),
                new App(
                    "billing",
                    "billing",
                    false,
                    List.of(
                        Manifest.deployment("api", 2, "billing:2.0.1"), Manifest.service("api"))),
                // two Applications declaring one Service, both self-healing: a fight
                new App(
                    "docs",
                    "docs",
                    true,
                    List.of(Manifest.deployment("docs", 1, "docs:3.1"), Manifest.service("docs"))),
                new App("docs-preview", "docs", true, List.of(Manifest.service("docs")))));
    await().atMost(Duration.ofSeconds(30)).until(kubernetes::isSynced);
    simulation =
        new Simulation(
            apiServer.client(),
            clock,
            estate,
            MONDAY,
            11,
            written -> {
              // every write is observed, once, before virtual time moves on
              int expected = writes.merge(written.toString(), 1, Integer::sum);
              await()
                  .atMost(Duration.ofSeconds(30))
                  .pollInterval(Duration.ofMillis(2))
                  .until(() -> published(written.toString()) >= expected);
              driver.awaitConsumed();
            });
    simulation.userCreatedApplication("billing", "grace");
    simulation.personSetsReplicas(at("09:05:00.350"), "shop", "web", 5, "kubectl-edit");
    simulation.personSetsReplicas(at("09:05:01.200"), "shop", "web", 6, "kubectl");
    simulation.personSetsReplicas(at("09:12:00.800"), "billing", "api", 4, "kubectl-edit");
    simulation.userSyncs(at("09:20:00.700"), "billing", "grace");
    // after the fight's last change of hands, so that the fight plays as before
    simulation.userDeletesApplication(at("09:29:30.300"), "billing", "alice");
    simulation.runUntil(at("09:30:00"));
    driver.settle();
  }

  @AfterAll
  void closeCluster() {
    repository.close();
    apiServer.close();
  }

  @Test
  void theEstateHadWhatTheJournalMustTell() {
    GroundTruth truth = simulation.truth();
    assertThat(truth.syncs()).extracting(Sync::kind).contains("AUTOMATED", "SELF_HEAL", "MANUAL");
    assertThat(truth.drifts())
        .extracting(Drift::correction)
        .containsExactly("SELF_HEAL", "SELF_HEAL", "MANUAL_SYNC");
  }

  @Test
  void everySyncIsJournaledWithItsKindAndArgoCdsTimes() {
    for (App app : simulation.estate().apps()) {
      JsonNode items =
          get("/api/v1/applications/argocd/" + app.name() + "/syncs?limit=500").get("items");
      List<String> journaled = new ArrayList<>();
      items.forEach(
          s ->
              journaled.add(
                  String.join(
                      " ",
                      s.get("revision").asText(),
                      s.get("initiatedBy").asText(),
                      kind(s),
                      s.get("phase").asText(),
                      s.get("startedAt").asText(),
                      s.get("finishedAt").asText())));
      List<String> expected =
          truth().syncsOf(app.name()).stream()
              .map(
                  s ->
                      String.join(
                          " ",
                          s.revision(),
                          s.initiatedBy(),
                          s.kind(),
                          "Succeeded",
                          Timeline.metav1(s.startedAt()).toString(),
                          Timeline.metav1(s.finishedAt()).toString()))
              .toList();
      assertThat(journaled).as("syncs of %s", app.name()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everyDriftIsJournaledWithItsActorCorrectionAndDuration() {
    List<String> journaled = new ArrayList<>();
    get("/api/v1/drifts?limit=500")
        .get("items")
        .forEach(
            d ->
                journaled.add(
                    String.join(
                        " ",
                        d.get("resource").asText(),
                        d.get("application").asText(),
                        d.get("actor").asText(),
                        d.get("startedAt").asText(),
                        d.get("correction").asText(),
                        d.get("correctedBy").asText(),
                        d.get("correctedAt").asText(),
                        d.get("duration").asText())));
    List<String> expected =
        truth().drifts().stream()
            .map(
                d -> {
                  // the API server keeps a write's time to the second: the drift starts there
                  Instant started = Timeline.metav1(d.startedAt());
                  return String.join(
                      " ",
                      d.resource(),
                      Estate.ARGOCD_NAMESPACE + "/" + d.application(),
                      d.actor(),
                      started.toString(),
                      d.correction(),
                      d.correctedBy(),
                      d.correctedAt().toString(),
                      Duration.between(started, d.correctedAt()).toString());
                })
            .toList();
    assertThat(journaled).containsExactlyElementsOf(expected);
  }

  @Test
  void theFightIsJournaledFlipForFlipAndToldAsTheSelfHealsItWas() {
    List<GroundTruth.TrackingChange> changesOfHands =
        truth().trackingChanges().stream().filter(c -> !c.from().isEmpty()).toList();
    assertThat(changesOfHands.stream().skip(1))
        .as("after the first, every change of hands was a self-heal")
        .isNotEmpty()
        .allMatch(c -> c.by().equals("SELF_HEAL"));
    JsonNode conflicts = get("/api/v1/conflicts").get("items");
    assertThat(conflicts).hasSize(1);
    JsonNode conflict = conflicts.get(0);
    GroundTruth.TrackingChange last = changesOfHands.get(changesOfHands.size() - 1);
    assertThat(conflict.get("resource").asText()).isEqualTo(last.resource());
    assertThat(conflict.get("flips").asInt()).isEqualTo(changesOfHands.size());
    assertThat(conflict.get("holder").asText())
        .isEqualTo(Estate.ARGOCD_NAMESPACE + "/" + last.to());

    ResponseEntity<String> weekly =
        http.getForEntity("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.OK);
    // Argo CD's finishedAt has whole seconds, the collector's observedAt milliseconds
    assertThat(weekly.getBody())
        .contains("self-heal took it back")
        .doesNotContain("a write outside any sync");
  }

  @Test
  void theFightsFirstChangeOfHandsIsCreditedToTheSyncThatMadeIt() {
    GroundTruth.TrackingChange first =
        truth().trackingChanges().stream().filter(c -> !c.from().isEmpty()).findFirst().get();
    // the full sync and a self-heal of one Application can fall in the same whole second
    String kind = first.by().equals("SELF_HEAL") ? "self-heal" : "auto-sync";
    String weekly =
        http.getForObject("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    assertThat(weekly).containsPattern("'s " + kind + " took it from [^.;]*" + first.from());
  }

  @Test
  void aSideThatAlwaysTookItBackInUnderASecondIsSaidToDoSoWithinASecond() {
    List<GroundTruth.TrackingChange> changes =
        truth().trackingChanges().stream().filter(c -> !c.from().isEmpty()).toList();
    Map<String, Duration> longestWait = new HashMap<>();
    for (int i = 1; i < changes.size(); i++) {
      longestWait.merge(
          changes.get(i).to(),
          Duration.between(changes.get(i - 1).at(), changes.get(i).at()),
          (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<String> quick =
        longestWait.entrySet().stream()
            .filter(e -> e.getValue().compareTo(Duration.ofSeconds(1)) < 0)
            .map(Map.Entry::getKey)
            .toList();
    assertThat(quick).as("the simulated fight has a side answering at once").isNotEmpty();
    String weekly =
        http.getForObject("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    quick.forEach(
        app -> assertThat(weekly).contains(app + " took it back within a second every time"));
    assertThat(weekly).doesNotContain(" 0 s");
  }

  @Test
  void theFightsSharedResourceWarningsAreToldInOneSentence() {
    String weekly =
        http.getForObject("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    String fight =
        weekly.lines().filter(l -> l.startsWith("From ") && l.contains("fought")).findFirst().get();
    // Argo CD raises it on whichever Application lost the object, naming that one first
    assertThat(fight.split("Argo CD raised SharedResourceWarning", -1)).hasSize(2);
    assertThat(fight).contains("on both Applications", "and one more like it");
  }

  @Test
  void thePeopleArgoCdsEventsNameAreNamedInTheTimelineAndTheWeeklyJournal() {
    List<ArgoEvents.Act> acts = simulation.acts();
    assertThat(acts).extracting(ArgoEvents.Act::action).contains("CREATED", "DELETED");
    String weekly =
        http.getForObject("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    for (ArgoEvents.Act act : acts) {
      JsonNode entries =
          get("/api/v1/resources/timeline?cluster="
                  + CLUSTER
                  + "&group=argoproj.io&kind=Application&namespace="
                  + Estate.ARGOCD_NAMESPACE
                  + "&name="
                  + act.application()
                  + "&limit=500")
              .get("items");
      List<String> attributed = new ArrayList<>();
      entries.forEach(
          e -> {
            if (e.get("type").asText().equals("ApplicationAttributed")) {
              attributed.add(
                  e.get("details").get("action").asText()
                      + " "
                      + e.get("details").get("actor").asText()
                      + " "
                      + e.get("details").get("happenedAt").asText()
                      + " "
                      + e.get("summary").asText());
            }
          });
      String verb =
          switch (act.action()) {
            case "CREATED" -> "created";
            case "DELETED" -> "deleted";
            default -> "started a sync of";
          };
      assertThat(attributed)
          .as("timeline of %s", act.application())
          .contains(
              String.join(
                  " ",
                  act.action(),
                  act.user(),
                  Timeline.metav1(act.at()).toString(),
                  act.user() + " " + verb + " the Application"));
      String line =
          weekly
              .lines()
              .filter(l -> l.startsWith("- **" + act.application() + "**, "))
              .filter(
                  l -> l.contains(act.action().equals("DELETED") ? ", deleted " : ", registered "))
              .findFirst()
              .orElse("");
      switch (act.action()) {
        case "CREATED" ->
            assertThat(line).endsWith("; " + act.user() + " created the Application.");
        case "DELETED" -> assertThat(line).endsWith(": " + act.user() + " deleted it.");
        default -> {}
      }
    }
  }

  private long published(String subject) {
    return sink.published().stream().filter(o -> o.subject().equals(subject)).count();
  }

  private static String kind(JsonNode sync) {
    return !sync.get("automated").asBoolean()
        ? "MANUAL"
        : sync.get("partial").asBoolean() ? "SELF_HEAL" : "AUTOMATED";
  }

  private GroundTruth truth() {
    return simulation.truth();
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-30T" + time + "Z");
  }

  private JsonNode get(String uri) {
    ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
    assertThat(response.getStatusCode())
        .as("GET %s: %s", uri, response.getBody())
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
