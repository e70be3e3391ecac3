package dev.opsjournal.server.ingest;

import dev.opsjournal.core.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opsjournal.observations}. Offsets are committed after the commands are handled; a
 * re-delivered observation is a no-op in its aggregate.
 */
@Component
class ObservationListener {

  private final ObservationReader reader;
  private final ObservationRouter router;

  ObservationListener(ObservationReader reader, ObservationRouter router) {
    this.reader = reader;
    this.router = router;
  }

  @KafkaListener(id = "observations", idIsGroup = false, topics = Topics.OBSERVATIONS)
  void on(ConsumerRecord<String, String> record) {
    router.route(reader.read(record.key(), record.value()));
  }
}
