package dev.opsjournal.server.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.publish.KafkaObservationSink;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.observation.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.core.KafkaTemplate;

/** The collectors' real sink, with a tap: a test can wait until something was published. */
public final class TappedSink implements ObservationSink {

  private final ObservationSink sink;
  private final List<Observation> published = new CopyOnWriteArrayList<>();

  public TappedSink(ObservationSink sink) {
    this.sink = sink;
  }

  /** The collectors' Kafka sink, tapped, as the pipeline tests' collectors publish. */
  public static TappedSink toKafka(KafkaTemplate<String, String> kafka, ObjectMapper json) {
    return new TappedSink(new KafkaObservationSink(kafka, json, Duration.ofSeconds(30)));
  }

  @Override
  public void publish(Observation observation) {
    sink.publish(observation);
    published.add(observation);
  }

  /** Waits until an observation of {@code subject} stamped {@code at} was published. */
  public Observation awaitPublished(String subject, Instant at) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(2))
        .until(
            () ->
                published.stream()
                    .filter(o -> o.subject().equals(subject) && o.observedAt().equals(at))
                    .findFirst()
                    .orElse(null),
            o -> o != null);
  }

  public List<Observation> published() {
    return List.copyOf(published);
  }
}
