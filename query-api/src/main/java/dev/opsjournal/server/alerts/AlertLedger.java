package dev.opsjournal.server.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.server.api.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alerts' state and the outbox of their transitions. A transition is recorded at most once
 * (alert ids are derived from the journal, so replays find them already there); the publisher sends
 * what the outbox holds.
 */
@Component
class AlertLedger {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AlertLedger(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Starts an alert firing, unless it already exists. */
  void fire(
      String id,
      Alert.Type type,
      Alert.Severity severity,
      Alert.Subject subject,
      Instant openedAt,
      String summary,
      List<String> links) {
    int created =
        jdbc.update(
            """
            insert into alert (id, type, severity, subject, state, opened_at, summary, links)
            values (?, ?, ?, ?, 'FIRING', ?, ?, ?) on conflict (id) do nothing
            """,
            id,
            type.name(),
            severity.name(),
            subject.kind() + ":" + subject.key(),
            Timestamp.from(openedAt),
            summary,
            Rows.array(links));
    if (created == 1) {
      enqueue(
          new Alert(
              Alert.SCHEMA_VERSION,
              id,
              type,
              severity,
              subject,
              Alert.State.FIRING,
              openedAt,
              null,
              summary,
              links));
    }
  }

  /** Resolves a firing alert; nothing happens if it never fired or is already resolved. */
  void resolve(String id, Instant resolvedAt, String summary) {
    List<Alert> firing =
        jdbc.query(
            "select * from alert where id = ? and state = 'FIRING' for update",
            (rs, i) -> {
              String subject = rs.getString("subject");
              int colon = subject.indexOf(':');
              return new Alert(
                  Alert.SCHEMA_VERSION,
                  id,
                  Alert.Type.valueOf(rs.getString("type")),
                  Alert.Severity.valueOf(rs.getString("severity")),
                  new Alert.Subject(subject.substring(0, colon), subject.substring(colon + 1)),
                  Alert.State.RESOLVED,
                  Rows.instant(rs, "opened_at"),
                  resolvedAt,
                  summary,
                  Rows.strings(rs, "links"));
            },
            id);
    if (firing.isEmpty()) {
      return;
    }
    jdbc.update(
        "update alert set state = 'RESOLVED', resolved_at = ?, summary = ? where id = ?",
        Timestamp.from(resolvedAt),
        summary,
        id);
    enqueue(firing.get(0));
  }

  /** Resolves every firing alert of a type about a subject (e.g. all failed syncs of an app). */
  void resolveAll(Alert.Type type, Alert.Subject subject, Instant resolvedAt, String summary) {
    jdbc.queryForList(
            "select id from alert where type = ? and subject = ? and state = 'FIRING' order by id",
            String.class,
            type.name(),
            subject.kind() + ":" + subject.key())
        .forEach(id -> resolve(id, resolvedAt, summary));
  }

  /**
   * An alert about a subject several reporters tell of one by one (e.g. a repository, by its
   * Applications): the first report fires it (as {@code id}), later ones join the firing alert.
   */
  void report(
      String id,
      Alert.Type type,
      Alert.Severity severity,
      Alert.Subject subject,
      Instant openedAt,
      String summary,
      List<String> links,
      String reporter) {
    String firing = firingId(type, subject);
    if (firing == null) {
      fire(id, type, severity, subject, openedAt, summary, links);
      firing = id;
    }
    jdbc.update(
        "insert into alert_reporter (alert_id, reporter) values (?, ?) on conflict do nothing",
        firing,
        reporter);
  }

  /** A reporter no longer tells of the subject; the alert resolves when none is left. */
  void withdraw(
      Alert.Type type, Alert.Subject subject, String reporter, Instant at, String summary) {
    String firing = firingId(type, subject);
    if (firing == null) {
      return;
    }
    jdbc.update("delete from alert_reporter where alert_id = ? and reporter = ?", firing, reporter);
    Boolean others =
        jdbc.queryForObject(
            "select exists (select 1 from alert_reporter where alert_id = ?)",
            Boolean.class,
            firing);
    if (!Boolean.TRUE.equals(others)) {
      resolve(firing, at, summary);
    }
  }

  private String firingId(Alert.Type type, Alert.Subject subject) {
    return jdbc
        .queryForList(
            "select id from alert where type = ? and subject = ? and state = 'FIRING'"
                + " order by opened_at, id limit 1",
            String.class,
            type.name(),
            subject.kind() + ":" + subject.key())
        .stream()
        .findFirst()
        .orElse(null);
  }

  boolean exists(String id) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("select exists (select 1 from alert where id = ?)", Boolean.class, id));
  }

  boolean anyFiring(Alert.Type type, Alert.Subject subject) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from alert where type = ? and subject = ? and state = 'FIRING')",
            Boolean.class,
            type.name(),
            subject.kind() + ":" + subject.key()));
  }

  boolean isFiring(String id) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from alert where id = ? and state = 'FIRING')",
            Boolean.class,
            id));
  }

  private void enqueue(Alert alert) {
    try {
      jdbc.update(
          """
          insert into alert_outbox (alert_id, state, subject, payload) values (?, ?, ?, ?)
          on conflict (alert_id, state) do nothing
          """,
          alert.id(),
          alert.state().name(),
          alert.subject().key(),
          json.writeValueAsString(alert));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + alert.id(), e);
    }
  }
}
