package dev.opsjournal.server;

import static dev.opsjournal.server.testing.ConfigMaps.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.outage.Outages;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.MonitoringQueries;
import dev.opsjournal.server.testing.PrometheusText;
import dev.opsjournal.server.testing.StructuredLog;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running server answers {@code /actuator/prometheus} on its management port, without a token,
 * and the journal's counters and gauges move with what it is fed; the API port keeps its token
 * rules and the management port serves no API.
 */
// tests export no metrics unless asked: this one is about the export
@AutoConfigureObservability(tracing = false)
// and logs as the deploy/ overlays have it: ECS JSON, one object per line
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.server.port=0", "logging.structured.format.console=ecs"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  static final String CONSUMED = "opsjournal_observations_consumed_total{type=\"resource\"}";
  static final String REPEATS = "opsjournal_ingest_repeats_total";
  static final String APPEARED =
      "opsjournal_journal_events_appended_total{type=\"ResourceAppeared\"}";
  static final String NOT_JSON = "opsjournal_observations_dead_lettered_total{reason=\"not_json\"}";
  static final String UNKNOWN_TYPE =
      "opsjournal_observations_dead_lettered_total{reason=\"unknown_type\"}";
  static final String OPEN_DRIFTS = "opsjournal_drifts_open";
  static final String PROCESSOR_LAG = "opsjournal_processor_lag_events";

  @LocalServerPort int apiPort;
  @LocalManagementPort int managementPort;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired ObjectMapper json;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private JournalDriver driver;

  @BeforeEach
  void driver() {
    driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
  }

  @Test
  void theIngestCountersMoveWithWhatIsConsumedDroppedAndDeadLettered(CapturedOutput output)
      throws Exception {
    ResourceKey first = ResourceKey.of("local", "", "ConfigMap", "metrics", "first");
    ResourceKey second = ResourceKey.of("local", "", "ConfigMap", "metrics", "second");
    Map<String, Double> before = scrape();

    publish(configMap(first, "2026-11-16T09:00:00Z", "2026-11-16T09:00:00Z"));
    publish(configMap(second, "2026-11-16T09:00:00Z", "2026-11-16T09:00:00Z"));
    driver.settle();
    // the first again, unchanged, only seen later: a repeat
    publish(configMap(first, "2026-11-16T09:00:00Z", "2026-11-16T09:30:00Z"));
    driver.settle();
    driver.publish(first.toString(), "{not json");
    driver.settle();
    driver.publish(
        first.toString(), "{\"type\":\"pod-spec\",\"observedAt\":\"2026-11-16T09:00:00Z\"}");
    driver.settle();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, Double> after = scrape();
              assertThat(moved(before, after, CONSUMED)).as(CONSUMED).isEqualTo(3);
              assertThat(moved(before, after, REPEATS)).as(REPEATS).isEqualTo(1);
              assertThat(moved(before, after, APPEARED)).as(APPEARED).isEqualTo(2);
              assertThat(moved(before, after, NOT_JSON)).as(NOT_JSON).isEqualTo(1);
              assertThat(moved(before, after, UNKNOWN_TYPE)).as(UNKNOWN_TYPE).isEqualTo(1);
            });
    assertProcessorsCaughtUp();
    // each dead letter's log line names the object, in its message and as a field of its own
    assertThat(StructuredLog.records(output))
        .filteredOn(line -> line.path("message").asText().contains(Topics.OBSERVATIONS_DLT))
        .filteredOn(line -> line.path("resource").asText().equals(first.toString()))
        .extracting(line -> line.path("reason").asText())
        .containsExactlyInAnyOrder("not_json", "unknown_type");
  }

  /**
   * Every metric the Grafana dashboard and the PrometheusRule of {@code deploy/} read, except the
   * collectors' (CollectorsProcessIT checks those), is exposed once a week of observations, dead
   * letters and alerts went through.
   */
  // last: it plays the whole week, which the drift gauge's test plays in two halves on a fresh
  // journal (played again, the week is repeats)
  @Test
  @Order(Integer.MAX_VALUE)
  void everyMetricTheDashboardAndTheRulesReadIsExposed() throws Exception {
    driver.play(Week02.observations(), Week02::isRoutine);
    driver.publish("local//ConfigMap/metrics/dashboard", "{not json");
    driver.settle();
    Map<String, Set<String>> read = new TreeMap<>(MonitoringQueries.names());
    read.keySet().removeIf(MonitoringQueries::ofCollectors);
    assertThat(read).containsKeys(PROCESSOR_LAG, "opsjournal_alerts_published_total");

    // Kafka's lag is bound by Micrometer within a minute of a partition's first fetch
    await()
        .atMost(Duration.ofSeconds(100))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Set<String> exposed = MonitoringQueries.sampleNames(scrape());
              Map<String, Set<String>> missing = new TreeMap<>(read);
              missing.keySet().removeAll(exposed);
              assertThat(missing).as("read by deploy/components/monitoring, not exposed").isEmpty();
            });
  }

  @Test
  void theOpenDriftGaugeFollowsTheDriftsTheApiCallsOpen() throws Exception {
    // the Week 02 week up to a moment its Deployment's drift is open, then to its end
    Instant midweek = Instant.parse("2026-11-19T10:26:00Z");
    List<Observation> week = Week02.observations();
    driver.play(
        week.stream().filter(o -> !o.observedAt().isAfter(midweek)).toList(), Week02::isRoutine);
    long openMidweek = openDriftsInTheApi();
    assertThat(openMidweek).as("drifts open midweek").isPositive();
    awaitGauge(OPEN_DRIFTS, openMidweek);
    // Week 02: Thursday's controller outage (10:00-10:30) is open midweek; Argo CD's Git outage
    // (from 15:01) has not begun
    awaitGauge(openOutages(Outages.CONTROLLER), 1);
    awaitGauge(openOutages(Outages.GIT_ARGO_CD), 0);
    assertProcessorsCaughtUp();

    driver.play(
        week.stream().filter(o -> o.observedAt().isAfter(midweek)).toList(), Week02::isRoutine);
    awaitGauge(OPEN_DRIFTS, openDriftsInTheApi());
    for (String kind : Outages.KINDS) {
      awaitGauge(openOutages(kind), 0);
    }
    assertProcessorsCaughtUp();
  }

  private static String openOutages(String kind) {
    return "opsjournal_outages_open{kind=\"" + kind + "\"}";
  }

  @Test
  void theManagementPortServesTheScrapeOpenlyAndNoApi() throws Exception {
    assertThat(get(managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/api/v1/drifts", TestTokens.TOKEN).statusCode()).isEqualTo(404);
    assertThat(get(managementPort, "/api/v1/drifts", null).statusCode()).isEqualTo(401);

    assertThat(get(apiPort, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get(apiPort, "/actuator/prometheus", TestTokens.TOKEN).statusCode()).isEqualTo(404);
    assertThat(get(apiPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/api/v1/drifts", TestTokens.TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void springsTheJvmsAndKafkasStandardMetricsComeWithIt() throws Exception {
    ResourceKey key = ResourceKey.of("local", "", "ConfigMap", "metrics", "standard");
    publish(configMap(key, "2026-11-16T09:00:00Z", "2026-11-16T09:00:00Z"));
    driver.settle();
    assertThat(get(apiPort, "/api/v1/drifts", TestTokens.TOKEN).statusCode()).isEqualTo(200);

    // Micrometer binds new Kafka client metrics (a partition's lag once it was fetched) on its
    // refresh, once a minute
    await()
        .atMost(Duration.ofSeconds(100))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(scrape().keySet())
                    .anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"))
                    .anyMatch(name -> name.startsWith("process_uptime_seconds"))
                    .anyMatch(
                        name ->
                            name.startsWith("http_server_requests_seconds_count{")
                                && name.contains("uri=\"/api/v1/drifts\""))
                    .anyMatch(
                        name ->
                            name.startsWith("kafka_consumer_fetch_manager_records_lag{")
                                && name.contains("topic=\"opsjournal_observations\"")
                                && name.contains("partition=")));
  }

  private void assertProcessorsCaughtUp() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, Double> lag = series(scrape(), PROCESSOR_LAG);
              assertThat(lag).containsKey(PROCESSOR_LAG + "{processor=\"drifts\"}");
              assertThat(lag.values()).allMatch(value -> value == 0);
            });
  }

  private void awaitGauge(String name, long expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(scrape().get(name)).as(name).isEqualTo(expected));
  }

  private long openDriftsInTheApi() throws Exception {
    HttpResponse<String> page =
        get(apiPort, "/api/v1/drifts?open=true&limit=500", TestTokens.TOKEN);
    assertThat(page.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(page.body());
    assertThat(body.get("nextOffset")).isNull();
    return body.get("items").size();
  }

  private void publish(ResourceObserved observation) {
    driver.publish(observation.subject(), driver.write(observation));
  }

  /** Each sample of the scrape by its name and labels, without the application label. */
  private Map<String, Double> scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = get(managementPort, "/actuator/prometheus", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusText.samples(response.body());
  }

  private static Map<String, Double> series(Map<String, Double> samples, String name) {
    Map<String, Double> series = new TreeMap<>();
    samples.forEach(
        (sample, value) -> {
          if (sample.equals(name) || sample.startsWith(name + "{")) {
            series.put(sample, value);
          }
        });
    return series;
  }

  private static double moved(Map<String, Double> before, Map<String, Double> after, String key) {
    return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
  }

  private HttpResponse<String> get(int port, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
