package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory in a compacted Kafka topic ({@link Topics#COLLECTOR_INVENTORY}): one record per
 * object keyed by its {@code ResourceKey}, a tombstone when it is gone. Compaction keeps the topic
 * at one record per live object; every cluster's collectors share it (keys begin with the cluster).
 * Writes are asynchronous and ordered per key; {@link #flush()} waits for them, which the collector
 * does before it stops or hands leadership over.
 */
final class KafkaInventory implements Inventory, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaInventory.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, Object> kafka;
  private final ObjectMapper json;
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private volatile boolean topicReady;

  /**
   * @param kafka client settings shared by producer, consumer and admin (bootstrap servers,
   *     security)
   */
  KafkaInventory(Map<String, Object> kafka, ObjectMapper json, String topic) {
    this.kafka = Map.copyOf(kafka);
    this.json = json;
    this.topic = topic;
    Map<String, Object> producerConfig = new HashMap<>(kafka);
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producer = new KafkaProducer<>(producerConfig);
  }

  @Override
  public Map<ResourceKey, Entry> load(String cluster) {
    ensureTopic();
    Map<String, Object> consumerConfig = new HashMap<>(kafka);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG); // reads everything, commits nothing
    Map<ResourceKey, Entry> entries = new HashMap<>();
    String prefix = cluster + "/";
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      Instant deadline = Instant.now().plus(TIMEOUT.multipliedBy(5));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + topic + " to its end in time");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() != null && record.key().startsWith(prefix)) {
            read(record, entries);
          }
        }
      }
    }
    return entries;
  }

  private void read(ConsumerRecord<String, String> record, Map<ResourceKey, Entry> entries) {
    try {
      ResourceKey key = ResourceKey.parse(record.key());
      if (record.value() == null) {
        entries.remove(key);
      } else {
        entries.put(key, json.readValue(record.value(), Entry.class));
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // one unreadable entry costs one republication, not the whole inventory
      log.atWarn()
          .addKeyValue("resource", record.key())
          .log(
              "skipping unreadable inventory record {} at offset {}",
              record.key(),
              record.offset());
    }
  }

  @Override
  public void record(ResourceKey key, Entry entry) {
    String value;
    try {
      value = json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      log.atWarn()
          .addKeyValue("resource", key)
          .setCause(e)
          .log("cannot write the inventory entry of {}: it will be republished", key);
      return;
    }
    send(key, value);
  }

  @Override
  public void forget(ResourceKey key) {
    send(key, null);
  }

  private void send(ResourceKey key, String value) {
    producer.send(
        new ProducerRecord<>(topic, key.toString(), value),
        (metadata, error) -> {
          if (error != null) {
            // the observation itself is published; the cost is a duplicate after a restart
            log.atWarn()
                .addKeyValue("resource", key)
                .setCause(error)
                .log("could not store the inventory entry of {}", key);
          }
        });
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /** Creates the topic, compacted, with the broker's default partitions and replication. */
  private void ensureTopic() {
    if (topicReady) {
      return;
    }
    try (Admin admin = Admin.create(kafka)) {
      if (!admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
        NewTopic compacted =
            new NewTopic(topic, Optional.empty(), Optional.empty())
                .configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
          admin.createTopics(List.of(compacted)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          log.info("created the compacted topic {}", topic);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e; // another replica creating it at the same time is fine
          }
        }
      }
      topicReady = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the topic " + topic, e);
    }
  }
}
