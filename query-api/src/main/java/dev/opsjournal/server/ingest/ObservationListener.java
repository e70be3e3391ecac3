package dev.opsjournal.server.ingest;

import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.server.ingest.ObservationReader.Parsed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opsjournal.observations} a poll at a time. Exact re-observations are dropped
 * ({@link Repeats}); the rest are journaled together in one unit of work. When that fails, they are
 * journaled one by one up to the one that fails, which the error handler then retries or
 * dead-letters (see {@link IngestConfiguration}); the records after it are delivered again. Offsets
 * are committed after the batch: a re-delivered observation is a no-op in its aggregate.
 */
@Component
class ObservationListener implements ConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(ObservationListener.class);

  private final ObservationReader reader;
  private final ObservationRouter router;
  private final Repeats repeats;
  private final MeterProvider<Counter> consumed;

  ObservationListener(
      ObservationReader reader, ObservationRouter router, Repeats repeats, MeterRegistry meters) {
    this.reader = reader;
    this.router = router;
    this.repeats = repeats;
    this.consumed =
        Counter.builder("opsjournal.observations.consumed")
            .description("observations read off the topic, by type; a re-delivery counts again")
            .withRegistry(meters);
  }

  @KafkaListener(
      id = "observations",
      idIsGroup = false,
      topics = Topics.OBSERVATIONS,
      batch = "true",
      concurrency = "${opsjournal.ingest.consumers:2}",
      properties = "max.poll.records=${opsjournal.ingest.batch-size:100}")
  void on(List<ConsumerRecord<String, String>> records) {
    List<Pending> batch = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      try {
        Parsed parsed = reader.parse(record.key(), record.value());
        if (!repeats.isRepeat(parsed)) {
          batch.add(new Pending(record, parsed, reader.decode(parsed)));
        }
        // counted once decoded (or known as a repeat): a malformed type is no label
        consumed.withTag("type", parsed.type()).increment();
      } catch (MalformedObservationException malformed) {
        journal(batch);
        throw new BatchListenerFailedException(malformed.getMessage(), malformed, record);
      }
    }
    journal(batch);
  }

  private void journal(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      router.routeTogether(batch.stream().map(Pending::observation).toList());
    } catch (RuntimeException failure) {
      log.debug(
          "A batch of {} failed, journaling one by one: {}", batch.size(), failure.toString());
      journalOneByOne(batch);
    }
    journaled(batch);
    batch.clear();
  }

  /** Up to the first that fails, which is handed to the error handler with what it says. */
  private void journalOneByOne(List<Pending> batch) {
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      try {
        router.route(pending.observation());
      } catch (RuntimeException e) {
        if (IngestConfiguration.isInfrastructure(e)) {
          log.atWarn()
              .addKeyValue(
                  IngestConfiguration.subjectField(pending.record().key()), pending.record().key())
              .log(
                  "Journal unavailable at {} (key {}), will retry: {}",
                  where(pending.record()),
                  pending.record().key(),
                  IngestConfiguration.rootMessage(e));
        }
        journaled(batch.subList(0, i));
        throw new BatchListenerFailedException(e.getMessage(), e, pending.record());
      }
    }
  }

  private void journaled(List<Pending> done) {
    for (Pending pending : done) {
      repeats.journaled(pending.parsed());
      router.announce(pending.observation());
    }
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** Another server may have journaled these partitions meanwhile: start from the aggregates. */
  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    repeats.forgetAll();
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    repeats.forgetAll();
  }

  private record Pending(
      ConsumerRecord<String, String> record, Parsed parsed, Observation observation) {}
}
