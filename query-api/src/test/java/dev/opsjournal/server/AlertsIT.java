package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.WatchAction;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestPostgres;
import dev.opsjournal.server.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every alert type fires and resolves exactly once on {@code opsjournal.alerts}: over the Week 02
 * week plus an epilogue (a failed sync and its fix, a force push and the next commit, the end of
 * the conflict), then again after the server restarts and after every projection is replayed.
 */
class AlertsIT {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  private final String database = TestPostgres.newDatabase();
  private final List<JsonNode> alerts = new ArrayList<>();

  @Test
  void everyAlertFiresAndResolvesOnceAcrossRestartsAndReplays() {
    List<Observation> week = new ArrayList<>(Week02.observations());
    week.addAll(epilogue(week));

    try (ConfigurableApplicationContext server = start()) {
      driver(server).play(week, Week02::isRoutine);
      awaitAlerts(20);
    }
    assertThat(transitions())
        .containsExactlyInAnyOrder(
            "CONFLICT FIRING " + Week02.DEPLOYMENT,
            "CONFLICT FIRING " + Week02.SERVICE,
            "RECONCILIATION_LOOP FIRING " + Week02.DEPLOYMENT,
            "RECONCILIATION_LOOP FIRING " + Week02.SERVICE,
            "DRIFT_OPEN_TOO_LONG FIRING " + Week02.DEPLOYMENT,
            "DRIFT_OPEN_TOO_LONG RESOLVED " + Week02.DEPLOYMENT,
            "CONTROLLER_UNAVAILABLE FIRING local",
            "CONTROLLER_UNAVAILABLE RESOLVED local",
            "GIT_SOURCE_UNAVAILABLE FIRING " + source(),
            "GIT_SOURCE_UNAVAILABLE RESOLVED " + source(),
            "ARGO_CD_GIT_UNAVAILABLE FIRING " + argoCdRepository(),
            "ARGO_CD_GIT_UNAVAILABLE RESOLVED " + argoCdRepository(),
            "SYNC_FAILED FIRING " + Week02.DEV_APP,
            "SYNC_FAILED RESOLVED " + Week02.DEV_APP,
            "HISTORY_REWRITTEN FIRING " + source(),
            "HISTORY_REWRITTEN RESOLVED " + source(),
            "CONFLICT RESOLVED " + Week02.DEPLOYMENT,
            "CONFLICT RESOLVED " + Week02.SERVICE,
            "RECONCILIATION_LOOP RESOLVED " + Week02.DEPLOYMENT,
            "RECONCILIATION_LOOP RESOLVED " + Week02.SERVICE);
    JsonNode drift = find("DRIFT_OPEN_TOO_LONG", "FIRING");
    assertThat(drift.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(drift.get("severity").asText()).isEqualTo("WARNING");
    assertThat(drift.get("openedAt").asText()).isEqualTo("2026-11-19T10:25:00Z");
    assertThat(drift.has("resolvedAt")).isFalse();
    assertThat(drift.get("summary").asText()).contains(Week02.STAGING).contains("15 min");
    assertThat(drift.get("links").get(0).asText())
        .isEqualTo("/api/v1/drifts?open=true&application=" + Week02.STAGING);
    JsonNode driftResolved = find("DRIFT_OPEN_TOO_LONG", "RESOLVED");
    assertThat(driftResolved.get("id").asText()).isEqualTo(drift.get("id").asText());
    assertThat(driftResolved.get("resolvedAt").asText()).isEqualTo("2026-11-19T10:31:00Z");
    // one alert for the repository, though both Applications reported it: from the first report
    // to the last clearing (Week 02: both at once)
    JsonNode argoCdGit = find("ARGO_CD_GIT_UNAVAILABLE", "RESOLVED");
    assertThat(Instant.parse(argoCdGit.get("openedAt").asText()))
        .isEqualTo(Week02.ARGO_CD_GIT_ERROR);
    assertThat(Instant.parse(argoCdGit.get("resolvedAt").asText()))
        .isEqualTo(Week02.ARGO_CD_GIT_CLEARED);
    JsonNode controller = find("CONTROLLER_UNAVAILABLE", "RESOLVED");
    assertThat(controller.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(controller.get("openedAt").asText()).isEqualTo("2026-11-19T10:00:00Z");
    assertThat(controller.get("resolvedAt").asText()).isEqualTo("2026-11-19T10:30:00Z");

    // a restart, then a replay of every projection from the start of the event store
    try (ConfigurableApplicationContext server = start()) {
      JournalDriver driver = driver(server);
      driver.settle();
      assertThat(driver.replayProjections().refused())
          .as("the alert policy refuses to be replayed")
          .containsExactly("alerts");
      driver.settle();
      JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from alert_outbox where published_at is null",
                          Integer.class)
                      == 0);
      assertThat(
              jdbc.queryForList(
                  "select alert_id || ' ' || state from alert_outbox order by seq", String.class))
          .hasSize(20);
    }
    alerts.clear();
    awaitAlerts(20);
    assertThat(alerts).hasSize(20);
  }

  /** Saturday: a failed sync and its fix, a force push and the next commit, dev deleted. */
  private static List<Observation> epilogue(List<Observation> week) {
    ApplicationObserved dev =
        week.stream()
            .filter(ApplicationObserved.class::isInstance)
            .map(ApplicationObserved.class::cast)
            .filter(app -> app.application().equals(Week02.DEV_APP))
            .reduce((first, second) -> second)
            .orElseThrow();
    Instant failedStart = Instant.parse("2026-11-21T09:00:00Z");
    Operation failed =
        new Operation(
            "Failed",
            "one or more objects failed to apply: Deployment.apps \"ops-journal\" is invalid",
            Week02.C3,
            new Initiator("carol", false),
            List.of(),
            failedStart,
            failedStart.plusSeconds(5),
            List.of());
    Instant fixedStart = Instant.parse("2026-11-21T09:10:00Z");
    Operation fixed =
        new Operation(
            "Succeeded",
            "successfully synced (all tasks run)",
            Week02.C3,
            new Initiator("carol", false),
            List.of(),
            fixedStart,
            fixedStart.plusSeconds(4),
            List.of());
    String c4 = "4444444444444444444444444444444444444444";
    Person dave = new Person("dave", "dave@example.com", Instant.parse("2026-11-21T09:55:00Z"));
    return List.of(
        snapshot(dev, failedStart.plusSeconds(5), failed),
        snapshot(dev, fixedStart.plusSeconds(4), fixed),
        new HistoryRewriteObserved(
            Week02.REPO,
            Week02.BRANCH,
            Instant.parse("2026-11-21T10:00:00Z"),
            Week02.C3,
            c4,
            List.of(Week02.C3)),
        new CommitObserved(
            Week02.REPO,
            Week02.BRANCH,
            true,
            Instant.parse("2026-11-21T10:00:30Z"),
            c4,
            List.of(Week02.C2),
            dave,
            dave,
            "Move staging to its own namespace",
            List.of(new ChangedPath("ADD", "platform/gitops/ops-journal-staging-app.yaml", "")),
            Map.of()),
        new ApplicationObserved(
            dev.application(),
            Instant.parse("2026-11-21T11:00:00Z"),
            WatchAction.DELETED,
            dev.uid(),
            "999999999",
            dev.labels(),
            dev.annotations(),
            dev.spec(),
            dev.status()));
  }

  private static ApplicationObserved snapshot(ApplicationObserved last, Instant at, Operation op) {
    Status s = last.status();
    return new ApplicationObserved(
        last.application(),
        at,
        WatchAction.MODIFIED,
        last.uid(),
        Long.toString(at.getEpochSecond()),
        last.labels(),
        last.annotations(),
        last.spec(),
        new Status(
            s.syncStatus(),
            s.syncRevision(),
            s.healthStatus(),
            at,
            op,
            s.conditions(),
            s.resources(),
            s.history()));
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(OpsJournalServer.class)
        .run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + kafkaBroker.bootstrapServers(),
            "--spring.datasource.url=" + database,
            "--spring.datasource.username=postgres",
            "--opsjournal.api.tokens=" + TestTokens.TOKEN);
  }

  @SuppressWarnings("unchecked")
  private JournalDriver driver(ConfigurableApplicationContext server) {
    return new JournalDriver(
        server.getBean(KafkaTemplate.class),
        server.getBean(ObjectMapper.class),
        server.getBean(EventProcessingConfiguration.class),
        server.getBean(JdbcTemplate.class),
        kafkaBroker.bootstrapServers(),
        "ops-journal-server");
  }

  private void awaitAlerts(int expected) {
    ObjectMapper json = new ObjectMapper();
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBroker.bootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer())
            .createConsumer()) {
      // read the whole topic without a consumer group: every partition from its beginning
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
                  assertThat(record.key()).isEqualTo(alert.get("subject").get("key").asText());
                  alerts.add(alert);
                }
                return alerts.size() >= expected;
              });
    }
  }

  private List<String> transitions() {
    return alerts.stream()
        .map(
            a ->
                a.get("type").asText()
                    + " "
                    + a.get("state").asText()
                    + " "
                    + a.get("subject").get("key").asText())
        .toList();
  }

  private JsonNode find(String type, String state) {
    return alerts.stream()
        .filter(a -> a.get("type").asText().equals(type) && a.get("state").asText().equals(state))
        .findFirst()
        .orElseThrow();
  }

  private static String argoCdRepository() {
    return Week02.CLUSTER + ":" + RepositoryIdentity.of(Week02.REPO);
  }

  private static String source() {
    return Week02.REPO + "#" + Week02.BRANCH;
  }
}
