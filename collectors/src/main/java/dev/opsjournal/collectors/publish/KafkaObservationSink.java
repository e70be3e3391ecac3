package dev.opsjournal.collectors.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.Observation;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes observations to {@code opsjournal.observations}, keyed by subject. */
public class KafkaObservationSink implements ObservationSink {

  private final KafkaTemplate<String, String> kafka;
  private final ObjectMapper json;
  private final Duration timeout;

  public KafkaObservationSink(
      KafkaTemplate<String, String> kafka, ObjectMapper json, Duration timeout) {
    this.kafka = kafka;
    this.json = json;
    this.timeout = timeout;
  }

  @Override
  public void publish(Observation observation) {
    String value;
    try {
      value = json.writeValueAsString(observation);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + observation.getClass().getSimpleName(), e);
    }
    try {
      kafka
          .send(Topics.OBSERVATIONS, observation.subject(), value)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing " + observation.subject(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishException(
          "could not publish " + observation.subject() + " to " + Topics.OBSERVATIONS, e);
    }
  }
}
