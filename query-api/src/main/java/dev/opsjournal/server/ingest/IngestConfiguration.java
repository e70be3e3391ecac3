package dev.opsjournal.server.ingest;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Topics and error handling of the ingest. Two kinds of failure, two answers: an observation that
 * cannot be processed goes to the dead-letter topic after a short retry, with the reason in the
 * {@code kafka_dlt-exception-*} headers; a failure of the infrastructure (the database is down) is
 * retried without end, so that nothing valid is ever dead-lettered for it.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

  @Bean
  NewTopic observationsTopic(IngestProperties properties) {
    return TopicBuilder.name(Topics.OBSERVATIONS).partitions(properties.partitions()).build();
  }

  @Bean
  NewTopic observationsDeadLetterTopic(IngestProperties properties) {
    return TopicBuilder.name(Topics.OBSERVATIONS_DLT).partitions(properties.partitions()).build();
  }

  @Bean
  NewTopic alertsTopic(IngestProperties properties) {
    return TopicBuilder.name(Topics.ALERTS).partitions(properties.partitions()).build();
  }

  @Bean
  DefaultErrorHandler observationErrorHandler(
      KafkaOperations<Object, Object> kafka, MeterRegistry meters) {
    MeterProvider<Counter> deadLettered =
        Counter.builder("opsjournal.observations.dead.lettered")
            .description("observations sent to the dead-letter topic, by reason")
            .withRegistry(meters);
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            kafka, (record, failure) -> new TopicPartition(Topics.OBSERVATIONS_DLT, -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, failure) -> {
              String reason = reasonOf(failure);
              log.atWarn()
                  .addKeyValue(subjectField(record.key()), record.key())
                  .addKeyValue("reason", reason)
                  .log(
                      "Observation {}-{}@{} (key {}) sent to {}: {}",
                      record.topic(),
                      record.partition(),
                      record.offset(),
                      record.key(),
                      Topics.OBSERVATIONS_DLT,
                      rootMessage(failure));
              deadLetters.accept(record, failure);
              deadLettered.withTag("reason", reason).increment();
            },
            new FixedBackOff(500, 2));
    handler.addNotRetryableExceptions(MalformedObservationException.class);
    // a failed record of a batch is retried by seeking back to it, which the container reports as
    // an error-handler exception: routine here, said at WARN by the listener and the recoverer
    handler.setLogLevel(KafkaException.Level.DEBUG);
    handler.setBackOffFunction(
        (record, failure) -> isInfrastructure(failure) ? unlimitedBackOff() : null);
    return handler;
  }

  private static ExponentialBackOff unlimitedBackOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    return backOff;
  }

  /**
   * The structured log field naming a record's key: {@code resource} when it is an object's or an
   * Application's resource key ({@code cluster/group/kind/namespace/name}), else {@code subject} (a
   * Git source {@code <repoUrl>#<branch>}, a cluster, or whatever a malformed record carries).
   */
  static String subjectField(Object key) {
    String subject = String.valueOf(key);
    if (subject.indexOf('#') >= 0) {
      // a Git source's URL can have five parts too
      return "subject";
    }
    try {
      ResourceKey.parse(subject);
      return "resource";
    } catch (IllegalArgumentException e) {
      return "subject";
    }
  }

  static boolean isInfrastructure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException || t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The dead-letter reason's label: what was malformed, or {@code unprocessable} for a failure that
   * outlived its retries.
   */
  static String reasonOf(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MalformedObservationException malformed) {
        return malformed.reason().label();
      }
    }
    return "unprocessable";
  }

  static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
