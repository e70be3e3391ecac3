package dev.opsjournal.collectors.publish;

import dev.opsjournal.core.observation.Observation;
import java.util.List;

/** Where collectors put what they observe. */
public interface ObservationSink {

  /**
   * Publishes one observation and returns once it is stored (acknowledged by all in-sync replicas),
   * so that a checkpoint written afterwards never runs ahead of what was published.
   *
   * @throws PublishException when it could not be stored after the producer's own retries
   */
  void publish(Observation observation);

  /**
   * Publishes observations in order and returns once all are stored. A sink may send them all
   * before waiting for any acknowledgement (the order per subject is the topic's), which is what
   * lets a replay publish thousands a second; by default, one at a time.
   *
   * @throws PublishException when one could not be stored; those before it may have been
   */
  default void publishAll(List<? extends Observation> observations) {
    observations.forEach(this::publish);
  }
}
