package dev.opsjournal.collectors.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes observations to {@code opsjournal.observations}, keyed by subject. A sink made by
 * {@link #withOwnProducer} closes its producer when it is closed (Spring closes it with the
 * context, before the standalone mode's embedded broker stops); one given a template leaves the
 * template's producers to their owner.
 */
public class KafkaObservationSink implements ObservationSink, AutoCloseable {

  private final KafkaTemplate<String, String> kafka;
  private final ObjectMapper json;
  private final Duration timeout;
  private final Runnable release;

  public KafkaObservationSink(
      KafkaTemplate<String, String> kafka, ObjectMapper json, Duration timeout) {
    this(kafka, json, timeout, () -> {});
  }

  private KafkaObservationSink(
      KafkaTemplate<String, String> kafka, ObjectMapper json, Duration timeout, Runnable release) {
    this.kafka = kafka;
    this.json = json;
    this.timeout = timeout;
    this.release = release;
  }

  /** A sink with its own producer (string keys and values), closed by {@link #close()}. */
  public static KafkaObservationSink withOwnProducer(
      Map<String, Object> producerConfig, ObjectMapper json, Duration timeout) {
    DefaultKafkaProducerFactory<String, String> producers =
        new DefaultKafkaProducerFactory<>(producerConfig);
    return new KafkaObservationSink(
        new KafkaTemplate<>(producers), json, timeout, producers::destroy);
  }

  /** Closes the producer this sink owns, if any (what was sent has been acknowledged). */
  @Override
  public void close() {
    release.run();
  }

  @Override
  public void publish(Observation observation) {
    publishAll(List.of(observation));
  }

  /** Sends every observation, then waits for each acknowledgement, within the timeout overall. */
  @Override
  public void publishAll(List<? extends Observation> observations) {
    List<CompletableFuture<?>> sent = new ArrayList<>(observations.size());
    for (Observation observation : observations) {
      sent.add(kafka.send(Topics.OBSERVATIONS, observation.subject(), write(observation)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < sent.size(); i++) {
      String subject = observations.get(i).subject();
      try {
        sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException("interrupted while publishing " + subject, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new PublishException(
            "could not publish " + subject + " to " + Topics.OBSERVATIONS, e);
      }
    }
  }

  private String write(Observation observation) {
    try {
      return json.writeValueAsString(observation);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + observation.getClass().getSimpleName(), e);
    }
  }
}
