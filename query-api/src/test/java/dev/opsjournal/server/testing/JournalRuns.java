package dev.opsjournal.server.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.collectors.publish.KafkaObservationSink;
import dev.opsjournal.collectors.replay.ReplaySource;
import dev.opsjournal.collectors.replay.Replayer;
import dev.opsjournal.collectors.replay.Settle;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.server.OpsJournalServer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Journals one capture the ways a journal can come to hold it, each in a server of its own (its own
 * broker, its own database), and asks each the same questions. The capture is first mapped by the
 * real {@link Replayer} into the observations a replay publishes, in its order (heartbeats
 * included); then:
 *
 * <ul>
 *   <li>{@link Way#LIVE}: published one at a time into a running server, each consumed before the
 *       next, as observations seconds apart would be;
 *   <li>{@link Way#BACKLOG_6}, {@link Way#BACKLOG_1}: everything published before the server
 *       starts, on 6 or 1 partitions, consumed as fast as the server can;
 *   <li>{@link Way#TWICE}: a backlog on 6 partitions with every observation delivered twice;
 *   <li>{@link Way#REPLAYED_AGAIN}: the real {@link Replayer} publishing into a running server
 *       without waits, then the same capture replayed a second time into the same journal.
 * </ul>
 */
public final class JournalRuns implements AutoCloseable {

  /** How the journal comes to hold the capture. */
  public enum Way {
    LIVE(6),
    BACKLOG_6(6),
    BACKLOG_1(1),
    TWICE(6),
    REPLAYED_AGAIN(6);

    final int partitions;

    Way(int partitions) {
      this.partitions = partitions;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(JournalRuns.class);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String GROUP = "ops-journal-server";

  private final String capture;
  private final String cluster;
  private final Path workDir;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private final List<Observation> observations;
  private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
  private final String bootstrap;

  /** {@code capture} in the replay format, its objects journaled under {@code cluster}. */
  public JournalRuns(String capture, String cluster, Path workDir) {
    this.capture = capture;
    this.cluster = cluster;
    this.workDir = workDir;
    List<Observation> published = new ArrayList<>();
    replay(published::add, () -> {}, "mapping");
    this.observations = List.copyOf(published);
    broker.afterPropertiesSet();
    bootstrap = broker.getBrokersAsString();
  }

  /** Stops the broker the runs shared. */
  @Override
  public void close() {
    broker.destroy();
  }

  /** The shared broker's address. */
  public String bootstrap() {
    return bootstrap;
  }

  /** The observations as published: subject (the key) and JSON value. */
  public List<String[]> records() {
    List<String[]> records = new ArrayList<>(observations.size());
    for (Observation observation : observations) {
      try {
        records.add(new String[] {observation.subject(), json.writeValueAsString(observation)});
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return records;
  }

  /**
   * How long the real {@link Replayer} takes to read, map and publish the capture to a fresh topic
   * of {@code partitions} (acknowledged), with no journal behind it.
   */
  public Duration replayToTopic(int partitions) {
    freshTopics(bootstrap, partitions);
    KafkaObservationSink sink = sink(bootstrap);
    long started = System.nanoTime();
    try {
      replay(sink, () -> {}, "benchmark");
    } finally {
      sink.close();
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * How long a server started on a published backlog of {@code partitions} takes to journal it all:
   * from the context being up until every observation is consumed and every processor at the head.
   */
  public Duration backlogCatchUp(int partitions) {
    freshTopics(bootstrap, partitions);
    publishAll(bootstrap, 1);
    try (ConfigurableApplicationContext server = start(bootstrap, partitions)) {
      long started = System.nanoTime();
      driver(server, bootstrap).settle(Duration.ofMinutes(30));
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /** The observations a replay of the capture publishes, in order. */
  public List<Observation> observations() {
    return observations;
  }

  /** Journals the capture {@code way} in a fresh server and returns what {@code ask} collects. */
  public SortedMap<String, String> answers(
      Way way, Function<ApiClient, SortedMap<String, String>> ask) {
    long started = System.nanoTime();
    // one broker for every run, its topics and the server's group made anew: a fresh start
    freshTopics(bootstrap, way.partitions);
    if (way == Way.BACKLOG_6 || way == Way.BACKLOG_1 || way == Way.TWICE) {
      publishAll(bootstrap, way == Way.TWICE ? 2 : 1);
    }
    try (ConfigurableApplicationContext server = start(bootstrap, way.partitions)) {
      JournalDriver driver = driver(server, bootstrap);
      switch (way) {
        case LIVE -> driver.play(observations, HeartbeatObserved.class::isInstance);
        case REPLAYED_AGAIN -> {
          KafkaObservationSink sink = sink(bootstrap);
          try {
            replay(sink, () -> driver.settle(PATIENCE), "first");
            replay(sink, () -> driver.settle(PATIENCE), "again");
          } finally {
            sink.close();
          }
        }
        default -> {}
      }
      driver.settle(PATIENCE);
      int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
      SortedMap<String, String> answers = ask.apply(new ApiClient(port));
      log.info(
          "{}: {} observations journaled and {} answers collected in {} ms",
          way,
          observations.size(),
          answers.size(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      return answers;
    }
  }

  private void replay(
      dev.opsjournal.collectors.publish.ObservationSink sink, Runnable settled, String name) {
    Settle settle = patience -> settled.run();
    try {
      Path work = Files.createDirectories(workDir.resolve("replay-" + System.nanoTime()));
      new Replayer(sink, json, settle, work)
          .replay(
              new ReplaySource(
                  name, () -> new StringReader(capture), null, null, "main", cluster, 100_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final List<String> TOPICS =
      List.of(Topics.OBSERVATIONS, Topics.OBSERVATIONS_DLT, Topics.ALERTS);

  /** Deletes the topics and the server's group of a previous run; creates the observations'. */
  private static void freshTopics(String bootstrap, int partitions) {
    try (AdminClient admin =
        AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      if (admin.listConsumerGroups().all().get().stream()
          .anyMatch(g -> g.groupId().equals(GROUP))) {
        admin.deleteConsumerGroups(List.of(GROUP)).all().get();
      }
      List<String> existing =
          admin.listTopics().names().get().stream().filter(TOPICS::contains).toList();
      if (!existing.isEmpty()) {
        admin.deleteTopics(existing).all().get();
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  admin.listTopics().names().get().stream().noneMatch(TOPICS::contains)
                      && createdObservations(admin, partitions));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot reset the broker's topics", e.getCause());
    }
  }

  /** Whether {@code opsjournal.observations} could be created (a deletion may still be pending). */
  private static boolean createdObservations(AdminClient admin, int partitions)
      throws InterruptedException {
    try {
      admin
          .createTopics(List.of(new NewTopic(Topics.OBSERVATIONS, partitions, (short) 1)))
          .all()
          .get();
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }

  private void publishAll(String bootstrap, int times) {
    KafkaObservationSink sink = sink(bootstrap);
    try {
      for (Observation observation : observations) {
        for (int i = 0; i < times; i++) {
          sink.publish(observation);
        }
      }
    } finally {
      sink.close();
    }
  }

  private KafkaObservationSink sink(String bootstrap) {
    return KafkaObservationSink.withOwnProducer(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.LINGER_MS_CONFIG,
            0),
        json,
        Duration.ofSeconds(30));
  }

  private static ConfigurableApplicationContext start(String bootstrap, int partitions) {
    return new SpringApplicationBuilder(OpsJournalServer.class)
        .run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + bootstrap,
            "--spring.datasource.url=" + TestPostgres.newDatabase(),
            "--spring.datasource.username=postgres",
            "--opsjournal.api.tokens=" + TestTokens.TOKEN,
            "--opsjournal.ingest.partitions=" + partitions,
            "--logging.level.dev.opsjournal=WARN",
            "--logging.level.org.axonframework=WARN",
            "--logging.level.org.apache.kafka=WARN");
  }

  @SuppressWarnings("unchecked")
  private static JournalDriver driver(ConfigurableApplicationContext server, String bootstrap) {
    return new JournalDriver(
        server.getBean(KafkaTemplate.class),
        server.getBean(ObjectMapper.class),
        server.getBean(EventProcessingConfiguration.class),
        server.getBean(JdbcTemplate.class),
        bootstrap,
        GROUP);
  }
}
