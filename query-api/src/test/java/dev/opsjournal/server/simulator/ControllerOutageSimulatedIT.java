package dev.opsjournal.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.collectors.kubernetes.KubernetesCollector;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.server.api.Human;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import dev.opsjournal.server.simulator.GroundTruth.ControllerOutage;
import dev.opsjournal.server.simulator.GroundTruth.Drift;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * Argo CD's application controller down for half an hour, with the collector's heartbeats five
 * minutes apart (so the heartbeat after the restart carries a reconciledAt minutes after the first
 * one), and a person scaling a Deployment meanwhile, self-healed once the controller is back. The
 * journal's outage must run from the last reconcile before to the first after, as the simulator
 * recorded them, and the weekly journal must not say the controller was down after its self-heal.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opsjournal.collectors.kubernetes.enabled=true",
      "opsjournal.collectors.kubernetes.cluster=" + ControllerOutageSimulatedIT.CLUSTER,
      "opsjournal.collectors.kubernetes.heartbeat-interval=1000h",
      "spring.main.allow-bean-definition-overriding=true"
    })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerOutageSimulatedIT {

  static final String CLUSTER = "sim";
  static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

  private static final DateTimeFormatter REPORT_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  static final MockCluster apiServer = MockCluster.start();

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @TempDir static Path workspace;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

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
  void playTheOutage() {
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
                    true,
                    List.of(Manifest.deployment("api", 2, "billing:2.0.1")))));
    await().atMost(Duration.ofSeconds(30)).until(kubernetes::isSynced);
    simulation =
        new Simulation(
            apiServer.client(),
            clock,
            estate,
            MONDAY,
            23,
            written -> {
              int expected = writes.merge(written.toString(), 1, Integer::sum);
              await()
                  .atMost(Duration.ofSeconds(30))
                  .pollInterval(Duration.ofMillis(2))
                  .until(() -> published(written.toString()) >= expected);
              driver.awaitConsumed();
            });
    simulation.every(
        at("09:00:30"),
        Duration.ofMinutes(5),
        at("10:10:00"),
        () -> {
          assertThat(kubernetes.heartbeat()).as("heartbeat published").isTrue();
          driver.awaitConsumed();
        });
    simulation.controllerDown(at("09:20:00.300"), at("09:51:00.500"));
    simulation.personSetsReplicas(at("09:31:00.400"), "shop", "web", 5, "kubectl-edit");
    simulation.runUntil(at("10:10:00"));
    driver.settle();
  }

  @AfterAll
  void closeCluster() {
    repository.close();
    apiServer.close();
  }

  @Test
  void theControllerWasDownAndAPersonsDriftWaitedForIt() {
    assertThat(truth().controllerOutages()).hasSize(1);
    assertThat(truth().drifts()).extracting(Drift::correction).containsExactly("SELF_HEAL");
    assertThat(truth().drifts().get(0).correctedAt()).isAfter(outage().firstReconciledAt());
  }

  @Test
  void theOutageRunsFromTheLastReconcileBeforeToTheFirstAfter() {
    JsonNode items = get("/api/v1/outages?kind=controller").get("items");
    assertThat(items).hasSize(1);
    JsonNode journaled = items.get(0);
    ControllerOutage truth = outage();
    assertThat(journaled.get("subject").asText()).isEqualTo(CLUSTER);
    assertThat(Instant.parse(journaled.get("startedAt").asText()))
        .isEqualTo(Timeline.metav1(truth.lastReconciledAt()));
    // Argo CD writes reconciledAt to the second: the first reconcile after, as Argo CD dated it
    assertThat(Instant.parse(journaled.get("endedAt").asText()))
        .isEqualTo(Timeline.metav1(truth.firstReconciledAt()));
    assertThat(journaled.get("open").asBoolean()).isFalse();
  }

  @Test
  void theWeeklyJournalTellsTheOutageAndTheSelfHealAfterIt() {
    ControllerOutage truth = outage();
    Drift drift = truth().drifts().get(0);
    Instant start = Timeline.metav1(truth.lastReconciledAt());
    Instant end = Timeline.metav1(truth.firstReconciledAt());
    ResponseEntity<String> weekly =
        http.getForEntity("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);
    assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(weekly.getBody())
        .contains(
            "**Argo CD's controller down**, cluster `"
                + CLUSTER
                + "`, "
                + time(start)
                + " – "
                + time(end)
                + " ("
                + Human.duration(Duration.between(start, end))
                + ")")
        .contains(
            "Argo CD's controller was down from "
                + time(start)
                + " to "
                + time(end)
                + "; self-heal put it back at "
                + time(drift.correctedAt()));
  }

  private ControllerOutage outage() {
    return truth().controllerOutages().get(0);
  }

  private GroundTruth truth() {
    return simulation.truth();
  }

  private long published(String subject) {
    return sink.published().stream().filter(o -> o.subject().equals(subject)).count();
  }

  private static String time(Instant instant) {
    return REPORT_TIME.format(instant);
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
