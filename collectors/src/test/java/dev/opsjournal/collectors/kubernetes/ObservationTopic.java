package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.publish.KafkaObservationSink;
import dev.opsjournal.core.observation.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Reads a topic back from its beginning with a plain consumer (no group, nothing committed),
 * keeping every record's raw bytes, so tests can assert on exactly what Kafka holds.
 */
final class ObservationTopic implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
  private final ObjectMapper json = Fixtures.JSON;

  ObservationTopic(String bootstrapServers, String topic) {
    this.topic = topic;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(config);
  }

  /** Every record so far, polled up to now. */
  synchronized List<ConsumerRecord<String, byte[]>> records() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      return List.copyOf(records); // nothing published yet
    }
    if (!consumer.assignment().containsAll(partitions)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      records.clear();
    }
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
      records.add(record);
    }
    return List.copyOf(records);
  }

  /** The observations of one cluster: keys are ResourceKeys beginning with it, or it alone. */
  List<Observation> of(String cluster) {
    return records().stream()
        .filter(r -> r.key().equals(cluster) || r.key().startsWith(cluster + "/"))
        .map(this::parse)
        .toList();
  }

  <T extends Observation> List<T> of(String cluster, Class<T> type) {
    return of(cluster).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private Observation parse(ConsumerRecord<String, byte[]> record) {
    try {
      return json.readValue(record.value(), Observation.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }

  /** The real sink with the producer settings of {@code PublishConfiguration}. */
  static KafkaObservationSink sink(String bootstrapServers) {
    Map<String, Object> producer = new HashMap<>();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaObservationSink(
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)),
        Fixtures.JSON,
        Duration.ofSeconds(30));
  }

  static KafkaInventory inventory(String bootstrapServers) {
    return new KafkaInventory(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        Fixtures.JSON,
        dev.opsjournal.core.Topics.COLLECTOR_INVENTORY);
  }
}
