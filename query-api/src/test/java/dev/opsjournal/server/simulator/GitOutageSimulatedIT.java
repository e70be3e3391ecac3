package dev.opsjournal.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.kubernetes.KubernetesCollector;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.Topics;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.MockCluster;
import dev.opsjournal.server.testing.MutableClock;
import dev.opsjournal.server.testing.TappedSink;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Git unreadable for Argo CD, played by the controller simulator ({@link RepoErrors}): three
 * Applications of one repository, Git down for twenty minutes (connection refused), then a blip
 * shorter than Argo CD's 180 s grace period that Argo CD never shows. The journal must tell the
 * outage as Argo CD saw it, per repository URL, from the first Application reporting it to the last
 * one clearing it: on {@code /api/v1/outages} (kind {@code git-argo-cd}), as one alert on {@code
 * opsjournal.alerts}, and in the weekly journal — all against the simulator's ground truth.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opsjournal.collectors.kubernetes.enabled=true",
      "opsjournal.collectors.kubernetes.cluster=" + GitOutageSimulatedIT.CLUSTER,
      "opsjournal.collectors.kubernetes.heartbeat-interval=1000h",
      "spring.main.allow-bean-definition-overriding=true"
    })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitOutageSimulatedIT {

  static final String CLUSTER = "sim-git";
  static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

  /** The Applications' repository, as they spell it: with a token, which the journal must drop. */
  static final String REPO_URL = "https://ci:tok3n@git.example.com/shop/platform.git";

  static final String REPO_SHOWN = "https://git.example.com/shop/platform.git";
  static final String REVISION = "5e1f0c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f";

  private static final DateTimeFormatter IN_WEEK =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** The cluster, up before the Spring context starts. */
  static final MockCluster apiServer = MockCluster.start();

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

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

  Simulation simulation;
  final Map<String, Integer> writes = new HashMap<>();

  @BeforeAll
  void playTheEstate() {
    TestTokens.authorized(http);
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    Estate estate =
        new Estate(
            CLUSTER,
            REPO_URL,
            REVISION,
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
                    List.of(Manifest.deployment("api", 2, "billing:2.0.1"))),
                new App("docs", "docs", true, List.of(Manifest.service("docs")))));
    await().atMost(Duration.ofSeconds(30)).until(kubernetes::isSynced);
    simulation =
        new Simulation(
            apiServer.client(),
            clock,
            estate,
            MONDAY,
            23,
            written -> {
              // every write is observed, once, before virtual time moves on
              int expected = writes.merge(written.toString(), 1, Integer::sum);
              await()
                  .atMost(Duration.ofSeconds(30))
                  .pollInterval(Duration.ofMillis(2))
                  .until(() -> published(written.toString()) >= expected);
              driver.awaitConsumed();
            });
    String refused = RepoErrors.connectionRefused(REPO_URL);
    simulation.gitDown(at("09:10:00"), at("09:30:00"), refused);
    // shorter than the grace period: Argo CD swallows it
    simulation.gitDown(at("09:40:00"), at("09:41:30"), refused);
    simulation.runUntil(at("09:50:00"));
    driver.settle();
  }

  @AfterAll
  void closeCluster() {
    apiServer.close();
  }

  @Test
  void theEstateHadWhatTheJournalMustTell() {
    List<RepoErrors.Outage> truth = simulation.gitOutagesSeenByArgoCd();
    assertThat(truth).as("the blip stays within Argo CD's grace period").hasSize(1);
    RepoErrors.Outage outage = truth.get(0);
    assertThat(Duration.between(at("09:10:00"), outage.from()))
        .as("shown only after the grace period")
        .isGreaterThan(RepoErrors.GRACE);
    assertThat(outage.to()).isAfter(at("09:30:00"));
    assertThat(outage.applications()).hasSize(3);
  }

  @Test
  void outagesListTheGitOutageAsArgoCdSawIt() {
    RepoErrors.Outage truth = simulation.gitOutagesSeenByArgoCd().get(0);
    JsonNode items = get("/api/v1/outages?kind=git-argo-cd").get("items");

    assertThat(items).hasSize(1);
    JsonNode outage = items.get(0);
    assertThat(outage.get("kind").asText()).isEqualTo("git-argo-cd");
    assertThat(outage.get("seenBy").asText()).isEqualTo("argo-cd");
    assertThat(outage.get("cluster").asText()).isEqualTo(CLUSTER);
    assertThat(outage.get("repoUrl").asText()).isEqualTo(REPO_SHOWN);
    assertThat(outage.get("failure").asText()).isEqualTo("connection-refused");
    assertThat(Instant.parse(outage.get("startedAt").asText())).isEqualTo(truth.from());
    assertThat(Instant.parse(outage.get("endedAt").asText())).isEqualTo(truth.to());
    assertThat(outage.get("open").asBoolean()).isFalse();
    List<String> applications = new ArrayList<>();
    outage.get("applications").forEach(a -> applications.add(a.asText()));
    assertThat(applications).isEqualTo(truth.applications());
    assertThat(outage.toString()).as("no credential leaks").doesNotContain("tok3n");

    JsonNode all = get("/api/v1/outages").get("items");
    assertThat(all).as("the other kinds are unchanged: nothing else was down").hasSize(1);
  }

  @Test
  void oneAlertFiresWithTheFirstReportAndResolvesWithTheLastClearing() {
    RepoErrors.Outage truth = simulation.gitOutagesSeenByArgoCd().get(0);
    List<JsonNode> alerts = alerts("ARGO_CD_GIT_UNAVAILABLE", 2);

    assertThat(alerts)
        .extracting(a -> a.get("state").asText())
        .containsExactly("FIRING", "RESOLVED");
    assertThat(alerts)
        .as("one alert for the repository, whichever Application reported first")
        .extracting(a -> a.get("id").asText())
        .containsOnly(alerts.get(0).get("id").asText());
    JsonNode resolved = alerts.get(1);
    assertThat(resolved.get("subject").get("key").asText())
        .isEqualTo(CLUSTER + ":https://git.example.com/shop/platform");
    assertThat(Instant.parse(resolved.get("openedAt").asText())).isEqualTo(truth.from());
    assertThat(Instant.parse(resolved.get("resolvedAt").asText())).isEqualTo(truth.to());
    assertThat(alerts.get(0).get("summary").asText())
        .contains(REPO_SHOWN)
        .contains("connection refused")
        .doesNotContain("tok3n");
  }

  @Test
  void theWeeklyJournalTellsIt() {
    RepoErrors.Outage truth = simulation.gitOutagesSeenByArgoCd().get(0);
    ResponseEntity<String> weekly =
        http.getForEntity("/api/v1/journal/weekly?week=2026-W49&cluster=" + CLUSTER, String.class);

    assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.OK);
    String failureModes =
        weekly.getBody().substring(weekly.getBody().indexOf("## Failure modes observed"));
    failureModes = failureModes.substring(0, failureModes.indexOf("## Open items"));
    assertThat(failureModes)
        .contains(
            "Argo CD could not reach `"
                + REPO_SHOWN
                + "` from "
                + IN_WEEK.format(truth.from())
                + " to "
                + IN_WEEK.format(truth.to())
                + " (")
        .contains(", connection refused); 3 Applications affected: billing, docs and shop.")
        .as("the ComparisonErrors are told by the outage, not again as conditions")
        .doesNotContain("**Condition**")
        .doesNotContain("tok3n");
  }

  /** The alerts of a type on opsjournal.alerts, read from the beginning until there are enough. */
  private List<JsonNode> alerts(String type, int expected) {
    List<JsonNode> found = new ArrayList<>();
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBroker.bootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer())
            .createConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.ALERTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  JsonNode alert = json.readTree(record.value());
                  if (alert.get("type").asText().equals(type)) {
                    found.add(alert);
                  }
                }
                return found.size() >= expected;
              });
      // anything more (a second firing) would have arrived with these
      consumer.poll(Duration.ofMillis(500)).forEach(r -> found.add(readTree(r.value())));
    }
    return found.stream().filter(a -> a.get("type").asText().equals(type)).toList();
  }

  private JsonNode readTree(String value) {
    try {
      return json.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
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
