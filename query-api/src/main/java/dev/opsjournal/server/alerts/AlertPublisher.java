package dev.opsjournal.server.alerts;

import dev.opsjournal.core.Topics;
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
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;

  AlertPublisher(
      JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
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
    record Pending(long seq, String alertId, String state, String subject, String payload) {}
    List<Pending> next =
        jdbc.query(
            """
            select seq, alert_id, state, subject, payload from alert_outbox
             where published_at is null order by seq limit 1 for update skip locked
            """,
            (rs, i) ->
                new Pending(
                    rs.getLong("seq"),
                    rs.getString("alert_id"),
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
    log.info("Alert {} {} published", alert.alertId(), alert.state());
    return true;
  }
}
