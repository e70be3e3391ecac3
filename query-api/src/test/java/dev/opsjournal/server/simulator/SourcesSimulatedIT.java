package dev.opsjournal.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.GitCollector;
import dev.opsjournal.collectors.git.GitCollectorProperties;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.collectors.kubernetes.KubernetesCollector;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
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
 * A multi-source Application ({@code billing}: a Helm chart first, its Git path second, {@link
 * HelmChart}) beside a single-source one ({@code shop}), both synced and self-healed by the
 * simulated controller, which writes {@code revisions} lists. The journal must keep every source,
 * the revision of each source of every sync, say where the Git commit ran (for {@code billing} too,
 * whose first revision is a chart version), and never take the chart version for a commit.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opsjournal.collectors.kubernetes.enabled=true",
      "opsjournal.collectors.kubernetes.cluster=" + SourcesSimulatedIT.CLUSTER,
      "opsjournal.collectors.kubernetes.heartbeat-interval=1000h",
      "spring.main.allow-bean-definition-overriding=true"
    })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesSimulatedIT {

  static final String CLUSTER = "sim";
  static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
  static final HelmChart CHART =
      new HelmChart("https://charts.example.com/stable", "billing-api", "2.3.1");

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
  void playTheSources() {
    TestTokens.authorized(http);
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    repository = Week02Repository.create(workspace.resolve("platform.git"), 2);
    new GitCollector(
            GitCollectorProperties.of(
                workspace.resolve("cache"),
                List.of(
                    new RepositorySettings(
                        repository.url(),
                        Week02Repository.BRANCH,
                        Duration.ofHours(1000),
                        null,
                        null,
                        null,
                        null))),
            sink,
            clock)
        .poll();
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
                    List.of(Manifest.deployment("api", 2, "billing:2.0.1")))),
            Map.of("billing", CHART));
    await().atMost(Duration.ofSeconds(30)).until(kubernetes::isSynced);
    simulation =
        new Simulation(
            apiServer.client(),
            clock,
            estate,
            MONDAY,
            31,
            written -> {
              int expected = writes.merge(written.toString(), 1, Integer::sum);
              await()
                  .atMost(Duration.ofSeconds(30))
                  .pollInterval(Duration.ofMillis(2))
                  .until(() -> published(written.toString()) >= expected);
              driver.awaitConsumed();
            });
    simulation.personSetsReplicas(at("09:12:00.400"), "billing", "api", 5, "kubectl-edit");
    simulation.userSyncs(at("09:20:00.700"), "billing", "alice");
    simulation.runUntil(at("09:30:00"));
    driver.settle();
  }

  @AfterAll
  void closeCluster() {
    repository.close();
    apiServer.close();
  }

  @Test
  void theSimulatorSyncedTheMultiSourceApplicationAutomaticallyBySelfHealAndByHand() {
    assertThat(truth().syncsOf("billing"))
        .extracting(Sync::kind)
        .contains("AUTOMATED", "SELF_HEAL", "MANUAL");
  }

  @Test
  void theApplicationIsAnsweredWithEverySourceInOrder() {
    JsonNode app = get("/api/v1/applications/argocd/billing?cluster=" + CLUSTER);
    JsonNode sources = app.get("sources");
    assertThat(sources).hasSize(2);
    assertThat(sources.get(0).get("type").asText()).isEqualTo("helm");
    assertThat(sources.get(0).get("repoUrl").asText()).isEqualTo(CHART.repoUrl());
    assertThat(sources.get(0).get("chart").asText()).isEqualTo(CHART.chart());
    assertThat(sources.get(0).get("targetRevision").asText()).isEqualTo(CHART.version());
    assertThat(sources.get(1).get("type").asText()).isEqualTo("git");
    assertThat(sources.get(1).get("repoUrl").asText()).isEqualTo(repository.url());
    assertThat(sources.get(1).get("path").asText()).isEqualTo("apps/billing");

    JsonNode shop = get("/api/v1/applications/argocd/shop?cluster=" + CLUSTER).get("sources");
    assertThat(shop).hasSize(1);
    assertThat(shop.get(0).get("type").asText()).isEqualTo("git");
  }

  @Test
  void everySyncOfTheMultiSourceApplicationCarriesTheRevisionOfEachSource() {
    List<Sync> truth = truth().syncsOf("billing");
    JsonNode items = get("/api/v1/applications/argocd/billing/syncs?size=100").get("items");
    assertThat(items).hasSize(truth.size());
    List<String> gitRevisions = new ArrayList<>();
    for (JsonNode sync : items) {
      JsonNode sources = sync.get("sources");
      assertThat(sources).as("sources of %s", sync).hasSize(2);
      assertThat(sources.get(0).get("repoUrl").asText()).isEqualTo(CHART.repoUrl());
      assertThat(sources.get(0).get("chart").asText()).isEqualTo(CHART.chart());
      assertThat(sources.get(0).get("revision").asText()).isEqualTo(CHART.version());
      assertThat(
              sources.get(0).path("commit").isMissingNode()
                  || sources.get(0).get("commit").isNull())
          .as("a chart version is not looked up as a commit")
          .isTrue();
      assertThat(sources.get(1).get("repoUrl").asText()).isEqualTo(repository.url());
      assertThat(sources.get(1).get("chart").asText()).isEmpty();
      assertThat(sources.get(1).get("commit").get("sha").asText())
          .isEqualTo(sources.get(1).get("revision").asText());
      gitRevisions.add(sources.get(1).get("revision").asText());
    }
    assertThat(gitRevisions)
        .containsExactlyInAnyOrderElementsOf(truth.stream().map(Sync::revision).toList());
  }

  @Test
  void theCommitIsSaidToHaveRunInBothApplications() {
    String sha = repository.sha(2);
    JsonNode deployments = get("/api/v1/commits/" + sha).get("deployments");
    Map<String, Integer> journaled = new HashMap<>();
    deployments.forEach(d -> journaled.merge(d.get("application").asText(), 1, Integer::sum));
    Map<String, Integer> expected = new HashMap<>();
    truth().syncs().stream()
        .filter(s -> s.revision().equals(sha))
        .forEach(s -> expected.merge("argocd/" + s.application(), 1, Integer::sum));
    assertThat(expected).containsKeys("argocd/billing", "argocd/shop");
    assertThat(journaled).isEqualTo(expected);
  }

  private GroundTruth truth() {
    return simulation.truth();
  }

  private long published(String subject) {
    return sink.published().stream().filter(o -> o.subject().equals(subject)).count();
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
