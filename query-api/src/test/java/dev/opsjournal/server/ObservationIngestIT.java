package dev.opsjournal.server;

import static dev.opsjournal.server.testing.ConfigMaps.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
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
    TestInfrastructure.register(registry, kafkaBroker);
  }

  static final ResourceKey FIRST = ResourceKey.of("local", "", "ConfigMap", "team-a", "first");
  static final ResourceKey LAST = ResourceKey.of("local", "", "ConfigMap", "team-a", "last");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MeterRegistry meters;

  private static final String T0 = "2026-11-16T09:00:00Z";
  private static final String T1 = "2026-11-16T09:30:00Z";

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

  /**
   * A poll is journaled in one transaction. When the database refuses one observation of it (here a
   * trigger, as a full disk or a lost connection would), the ones before it are journaled one by
   * one, the refused one is retried until the database takes it, and the ones after it follow:
   * nothing is lost, nothing journaled twice, nothing dead-lettered. Exact re-observations of
   * journaled objects are then dropped before the command bus.
   */
  @Test
  void aBatchTheDatabaseRefusesInPartIsJournaledOnceWhenItRecovers() {
    TestTokens.authorized(http);
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    List<ResourceKey> before = burst("before", 20);
    List<ResourceKey> after = burst("after", 20);
    ResourceKey refused = ResourceKey.of("local", "", "ConfigMap", "team-b", "refused");
    jdbc.execute(
        "create function refuse_for_a_while() returns trigger language plpgsql as $$ begin"
            + " if new.aggregateidentifier like '%refused%' then"
            + " raise exception 'disk full (simulated)'; end if; return new; end $$");
    jdbc.execute(
        "create trigger refuse_for_a_while before insert on domainevententry"
            + " for each row execute function refuse_for_a_while()");
    double repeatsBefore = meters.counter("opsjournal.ingest.repeats").count();

    MessageListenerContainer listener = listeners.getListenerContainer("observations");
    listener.stop();
    Map<ResourceKey, Integer> partitions = new HashMap<>();
    before.forEach(key -> partitions.put(key, publish(driver, configMap(key, T0))));
    int refusedPartition = publish(driver, configMap(refused, T0));
    after.forEach(key -> partitions.put(key, publish(driver, configMap(key, T0))));
    listener.start();

    // a poll spans partitions; on the refused one's, those before it are journaled, nothing after
    List<ResourceKey> aheadOfIt =
        before.stream().filter(key -> partitions.get(key) == refusedPartition).toList();
    List<ResourceKey> behindIt =
        after.stream().filter(key -> partitions.get(key) == refusedPartition).toList();
    assertThat(aheadOfIt).isNotEmpty();
    assertThat(behindIt).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> aheadOfIt.stream().allMatch(key -> appearances(key) == 1));
    assertThat(appearances(refused)).isZero();
    assertThat(behindIt).allSatisfy(key -> assertThat(appearances(key)).isZero());

    jdbc.execute("drop trigger refuse_for_a_while on domainevententry");
    driver.settle();
    assertThat(appearances(refused)).isEqualTo(1);
    assertThat(before).allSatisfy(key -> assertThat(appearances(key)).isEqualTo(1));
    assertThat(after).allSatisfy(key -> assertThat(appearances(key)).isEqualTo(1));

    before.forEach(key -> driver.publish(key.toString(), driver.write(configMap(key, T0, T1))));
    driver.settle();
    assertThat(meters.counter("opsjournal.ingest.repeats").count() - repeatsBefore)
        .isEqualTo(before.size());
    assertThat(before).allSatisfy(key -> assertThat(appearances(key)).isEqualTo(1));
  }

  private static int publish(JournalDriver driver, ResourceObserved observation) {
    return driver.publish(observation.subject(), driver.write(observation)).partition();
  }

  private int appearances(ResourceKey key) {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where aggregateidentifier = ?"
            + " and payloadtype like '%ResourceAppeared'",
        Integer.class, "resource:" + key);
  }

  private static List<ResourceKey> burst(String prefix, int count) {
    List<ResourceKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(ResourceKey.of("local", "", "ConfigMap", "team-b", prefix + "-" + i));
    }
    return keys;
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
}
