package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestPostgres;
import dev.opsjournal.server.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input on the observations topic goes to the dead-letter topic with its reason, the consumer
 * keeps going, and the valid observations around it are journaled.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "opsjournal.ingest.max-observation-bytes=4096")
@DirtiesContext
class ObservationIngestIT {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", kafkaBroker::bootstrapServers);
    registry.add("spring.datasource.url", TestPostgres::newDatabase);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("opsjournal.api.tokens", () -> TestTokens.TOKEN);
  }

  static final ResourceKey FIRST = ResourceKey.of("local", "", "ConfigMap", "team-a", "first");
  static final ResourceKey LAST = ResourceKey.of("local", "", "ConfigMap", "team-a", "last");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;

  @Test
  void badObservationsAreDeadLetteredWithTheirReasonAndNothingValidIsLost() throws Exception {
    TestTokens.authorized(http);
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    ResourceObserved first = configMap(FIRST, "2026-11-16T09:00:00Z");
    ObjectNode missingUid =
        (ObjectNode) json.readTree(driver.write(configMap(FIRST, "2026-11-16T09:01:00Z")));
    missingUid.remove("uid");
    ObjectNode future =
        (ObjectNode) json.readTree(driver.write(configMap(FIRST, "2026-11-16T09:02:00Z")));
    future.put("schemaVersion", 99);

    driver.publish(FIRST.toString(), driver.write(first));
    driver.publish(FIRST.toString(), "{not json");
    driver.publish(
        FIRST.toString(), "{\"type\":\"pod-spec\",\"observedAt\":\"2026-11-16T09:00:00Z\"}");
    driver.publish(FIRST.toString(), missingUid.toString());
    driver.publish(FIRST.toString(), future.toString());
    driver.publish("some-other-key", driver.write(configMap(FIRST, "2026-11-16T09:03:00Z")));
    driver.publish(
        FIRST.toString(), "{\"type\":\"resource\",\"padding\":\"" + "x".repeat(5000) + "\"}");
    driver.publish(LAST.toString(), driver.write(configMap(LAST, "2026-11-16T09:05:00Z")));
    driver.settle();

    List<ConsumerRecord<String, String>> dead = deadLetters(6);
    assertThat(dead)
        .extracting(ConsumerRecord::key)
        .containsOnly(FIRST.toString(), "some-other-key");
    assertThat(dead)
        .extracting(record -> header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
        .anySatisfy(
            reason -> assertThat(reason).contains("unknown observation type").contains("pod-spec"))
        .anySatisfy(reason -> assertThat(reason).contains("uid"))
        .anySatisfy(reason -> assertThat(reason).contains("schemaVersion 99"))
        .anySatisfy(reason -> assertThat(reason).contains("is not the observation's subject"))
        .anySatisfy(
            reason ->
                assertThat(reason).contains("exceeds opsjournal.ingest.max-observation-bytes"));
    assertThat(dead)
        .allSatisfy(
            record ->
                assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(Topics.OBSERVATIONS));

    assertThat(timelineTypes(FIRST)).containsExactly("ResourceAppeared");
    assertThat(timelineTypes(LAST)).containsExactly("ResourceAppeared");
  }

  private List<String> timelineTypes(ResourceKey key) {
    JsonNode page =
        http.getForObject(
            "/api/v1/resources/timeline?cluster={c}&group=&kind={k}&namespace={n}&name={name}",
            JsonNode.class,
            key.cluster(),
            key.kind(),
            key.namespace(),
            key.name());
    List<String> types = new ArrayList<>();
    page.get("items").forEach(entry -> types.add(entry.get("type").asText()));
    return types;
  }

  private List<ConsumerRecord<String, String>> deadLetters(int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafkaBroker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "dlt-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest"),
                new StringDeserializer(),
                new StringDeserializer())
            .createConsumer()) {
      consumer.subscribe(List.of(Topics.OBSERVATIONS_DLT));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              });
    }
    assertThat(records).hasSize(expected);
    return records;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ResourceObserved configMap(ResourceKey key, String at) {
    Instant time = Instant.parse(at);
    return new ResourceObserved(
        key,
        time,
        WatchAction.ADDED,
        "0c0c0c0c-0000-4000-8000-" + Math.abs(key.name().hashCode()),
        Long.toString(time.getEpochSecond()),
        0,
        Map.of(),
        Map.of(),
        List.of(
            new ManagedFieldsEntry(
                "kubectl-client-side-apply", "Update", "", time, List.of("data.config"))),
        "fingerprint-" + key.name());
  }
}
