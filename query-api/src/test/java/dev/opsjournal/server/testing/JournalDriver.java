package dev.opsjournal.server.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.server.journal.JournalProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Plays observations into a running journal server through Kafka, the way collectors do, and waits
 * for the journal to settle: every observation consumed and every projection caught up with the
 * event store.
 */
public final class JournalDriver {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final KafkaTemplate<String, String> kafka;
  private final ObjectMapper json;
  private final EventProcessingConfiguration processing;
  private final JournalProgress progress;
  private final JdbcTemplate jdbc;
  private final AdminClient admin;
  private final String consumerGroup;

  public JournalDriver(
      KafkaTemplate<String, String> kafka,
      ObjectMapper json,
      EventProcessingConfiguration processing,
      JdbcTemplate jdbc,
      String bootstrapServers,
      String consumerGroup) {
    this.kafka = kafka;
    this.json = json;
    this.processing = processing;
    this.progress = new JournalProgress(processing, jdbc);
    this.jdbc = jdbc;
    this.admin =
        AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.consumerGroup = consumerGroup;
  }

  /**
   * Publishes observations in order, as a live collector does: each one is consumed before the next
   * is sent, as observations seconds apart would be. Routine ones (heartbeats, refreshes that
   * change nothing) are sent without waiting.
   */
  public void play(List<Observation> observations, Predicate<Observation> routine) {
    for (Observation observation : observations) {
      RecordMetadata sent = publish(observation.subject(), write(observation));
      if (!routine.test(observation)) {
        awaitConsumed(sent);
      }
    }
    settle();
  }

  /** Publishes a raw value under a key, as a misbehaving producer might. */
  public RecordMetadata publish(String key, String value) {
    try {
      return kafka
          .send(Topics.OBSERVATIONS, key, value)
          .get(10, TimeUnit.SECONDS)
          .getRecordMetadata();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to " + Topics.OBSERVATIONS, e);
    }
  }

  public String write(Observation observation) {
    try {
      return json.writeValueAsString(observation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until everything published was consumed and every processor reached the head. */
  public void settle() {
    settle(PATIENCE);
  }

  /** {@link #settle()} with a patience of one's own, for large volumes. */
  public void settle(Duration patience) {
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> nothingLeftToConsume() && progress.atHead());
  }

  /** Waits until every processor reached the head of the event store. */
  public void awaitProcessorsAtHead(Duration patience) {
    await().atMost(patience).pollInterval(Duration.ofMillis(50)).until(progress::atHead);
  }

  /** Waits until everything published so far was consumed (not yet projected). */
  public void awaitConsumed() {
    await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(this::nothingLeftToConsume);
  }

  /**
   * Replays every processor that allows it (the projections) from the start of the event store, all
   * at once; the policies refuse. Does not wait for them to catch up.
   */
  public Replay replayProjections() {
    List<String> replayed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .forEach(
            processor -> {
              if (!processor.supportsReset()) {
                refused.add(processor.getName());
                return;
              }
              processor.shutDown();
              processor.resetTokens();
              processor.start();
              replayed.add(processor.getName());
            });
    return new Replay(replayed, refused);
  }

  /** The processors {@link #replayProjections()} replayed, and those that refused. */
  public record Replay(List<String> replayed, List<String> refused) {}

  public long storedEvents() {
    return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
  }

  private void awaitConsumed(RecordMetadata sent) {
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> committed(partition) > sent.offset());
  }

  private boolean nothingLeftToConsume() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
    var latest =
        admin
            .listOffsets(
                committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
            .all()
            .get();
    return !committed.isEmpty()
        && committed.entrySet().stream()
            .allMatch(e -> e.getValue().offset() >= latest.get(e.getKey()).offset());
  }

  private long committed(TopicPartition partition) throws Exception {
    OffsetAndMetadata offset =
        admin
            .listConsumerGroupOffsets(consumerGroup)
            .partitionsToOffsetAndMetadata()
            .get()
            .get(partition);
    return offset == null ? -1 : offset.offset();
  }
}
