package dev.opsjournal.server.alerts;

import dev.opsjournal.core.Topics;
import dev.opsjournal.server.operations.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox of alert transitions to {@code opsjournal.alerts}, keyed by subject, in the
 * order they were recorded. Rows are claimed with {@code skip locked} so several servers never
 * publish the same transition, and marked once Kafka acknowledged them.
 */
@Component
class AlertPublisher {

  private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);
  private static final Duration FRESHNESS = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final MeterProvider<Counter> published;

  AlertPublisher(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.published =
        Counter.builder("opsjournal.alerts.published")
            .description("alert transitions published to opsjournal.alerts, by type and state")
            .withRegistry(meters);
    Gauge.builder(
            "opsjournal.alerts.outbox.backlog",
            CachedReading.of(this::backlog, FRESHNESS),
            reading -> reading.get())
        .description("alert transitions recorded but not published yet")
        .strongReference(true)
        .register(meters);
  }

  @Scheduled(fixedDelayString = "${opsjournal.alerts.publish-interval:500ms}")
  void publishPending() {
    try {
      while (Boolean.TRUE.equals(transactions.execute(status -> publishNext()))) {
        // one transition per transaction: a failure never re-sends what was already marked
      }
    } catch (RuntimeException e) {
      log.warn("Alerts not published yet, will retry: {}", e.getMessage());
    }
  }

  private boolean publishNext() {
    record Pending(
        long seq, String alertId, String type, String state, String subject, String payload) {}
    List<Pending> next =
        jdbc.query(
            """
            select o.seq, o.alert_id, a.type, o.state, o.subject, o.payload
              from alert_outbox o join alert a on a.id = o.alert_id
             where o.published_at is null order by o.seq limit 1 for update of o skip locked
            """,
            (rs, i) ->
                new Pending(
                    rs.getLong("seq"),
                    rs.getString("alert_id"),
                    rs.getString("type"),
                    rs.getString("state"),
                    rs.getString("subject"),
                    rs.getString("payload")));
    if (next.isEmpty()) {
      return false;
    }
    Pending alert = next.get(0);
    try {
      kafka.send(Topics.ALERTS, alert.subject(), alert.payload()).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted publishing alert " + alert.alertId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish alert " + alert.alertId(), e);
    }
    jdbc.update("update alert_outbox set published_at = now() where seq = ?", alert.seq());
    log.atInfo()
        .addKeyValue("subject", alert.subject())
        .log("Alert {} {} about {} published", alert.alertId(), alert.state(), alert.subject());
    published.withTags("type", alert.type(), "state", alert.state()).increment();
    return true;
  }

  private long backlog() {
    Long pending =
        jdbc.queryForObject(
            "select count(*) from alert_outbox where published_at is null", Long.class);
    return pending == null ? 0 : pending;
  }
}
