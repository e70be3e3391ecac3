package dev.opsjournal.collectors.publish;

import dev.opsjournal.core.observation.Observation;

/** Where collectors put what they observe. */
public interface ObservationSink {

  /**
   * Publishes one observation and returns once it is stored (acknowledged by all in-sync replicas),
   * so that a checkpoint written afterwards never runs ahead of what was published.
   *
   * @throws PublishException when it could not be stored after the producer's own retries
   */
  void publish(Observation observation);
}
