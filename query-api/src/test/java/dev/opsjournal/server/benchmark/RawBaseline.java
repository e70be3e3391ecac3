package dev.opsjournal.server.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine allows for the same data: the observations produced to a topic of their own,
 * consumed by one plain {@link KafkaConsumer} and inserted into a plain PostgreSQL table in JDBC
 * batches, one database transaction and one offset commit per poll.
 */
final class RawBaseline {

  private final String bootstrapServers;
  private final String jdbcUrl;

  RawBaseline(String bootstrapServers, String jdbcUrl) {
    this.bootstrapServers = bootstrapServers;
    this.jdbcUrl = jdbcUrl;
  }

  /** Produces and consumes {@code records} (key, value); returns observations per second. */
  double run(String topic, List<String[]> records, int partitions) throws Exception {
    try (AdminClient admin =
        AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    try (Connection db = connect();
        Statement ddl = db.createStatement()) {
      ddl.execute(
          "create table if not exists raw_observation (part int not null, off bigint not null,"
              + " key text not null, value text not null, primary key (part, off))");
      ddl.execute("truncate raw_observation");
    }
    AtomicLong inserted = new AtomicLong();
    CountDownLatch assigned = new CountDownLatch(1);
    Thread consumer =
        new Thread(() -> consume(topic, records.size(), inserted, assigned), "raw-baseline");
    consumer.start();
    // the journal's consumer has long joined its group: so must this one before the clock starts
    if (!assigned.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the raw baseline consumer got no partitions");
    }
    long started = System.nanoTime();
    produce(topic, records);
    consumer.join(Duration.ofMinutes(30).toMillis());
    double seconds = (System.nanoTime() - started) / 1e9;
    if (inserted.get() < records.size()) {
      throw new IllegalStateException(
          "raw baseline inserted " + inserted.get() + " of " + records.size());
    }
    return records.size() / seconds;
  }

  private void produce(String topic, List<String[]> records)
      throws InterruptedException, ExecutionException {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String[] record : records) {
        producer.send(new ProducerRecord<>(topic, record[0], record[1]));
      }
      producer.flush();
    }
  }

  private void consume(String topic, int expected, AtomicLong inserted, CountDownLatch assigned) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-baseline-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into raw_observation (part, off, key, value) values (?, ?, ?, ?)")) {
      db.setAutoCommit(false);
      consumer.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              if (!partitions.isEmpty()) {
                assigned.countDown();
              }
            }
          });
      while (inserted.get() < expected) {
        ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
        if (batch.isEmpty()) {
          continue;
        }
        for (ConsumerRecord<String, String> record : batch) {
          insert.setInt(1, record.partition());
          insert.setLong(2, record.offset());
          insert.setString(3, record.key());
          insert.setString(4, record.value());
          insert.addBatch();
        }
        insert.executeBatch();
        db.commit();
        consumer.commitSync();
        inserted.addAndGet(batch.count());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("raw baseline insert failed", e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
        "postgres",
        "");
  }
}
