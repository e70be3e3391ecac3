package dev.opsjournal.server.alerts;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.server.api.Human;
import dev.opsjournal.server.drift.DriftEpisodes;
import dev.opsjournal.server.drift.DriftView;
import dev.opsjournal.server.ingest.JournalClockAdvanced;
import dev.opsjournal.server.journal.JournalProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Drift open longer than N minutes", live: checked whenever a heartbeat moves a cluster's journal
 * clock, against the drifts open at that time. The check runs only while every event processor of
 * this server is at the head of the event store, so that a correction already journaled but not yet
 * projected never looks like an open drift; while the journal catches up on a backlog, a drift that
 * lasted too long alerts when its correction is projected instead ({@link AlertPolicies}), with the
 * same content. Alert ids are the drift's, so a check repeated after a restart or a replay finds
 * the alert already there.
 */
@Component
class DriftDeadlines {

  private final DriftEpisodes drifts;
  private final TransactionTemplate transactions;
  private final AlertLedger ledger;
  private final AlertProperties properties;
  private final JournalProgress progress;

  DriftDeadlines(
      DriftEpisodes drifts,
      TransactionTemplate transactions,
      AlertLedger ledger,
      AlertProperties properties,
      JournalProgress progress) {
    this.drifts = drifts;
    this.transactions = transactions;
    this.ledger = ledger;
    this.properties = properties;
    this.progress = progress;
  }

  static String alertId(ResourceKey resource, int episode) {
    return "drift-open/" + resource + "/" + episode;
  }

  @EventListener
  void on(JournalClockAdvanced clock) {
    if (progress.atHead()) {
      transactions.executeWithoutResult(status -> check(clock.cluster(), clock.now()));
    }
  }

  private void check(String cluster, Instant now) {
    for (DriftView drift : drifts.openAt(cluster, now)) {
      ResourceKey resource = ResourceKey.parse(drift.resource());
      Duration threshold = properties.driftOpenThreshold(drift.application());
      Instant due = drift.startedAt().plus(threshold);
      String id = alertId(resource, drift.episode());
      if (due.isAfter(now) || ledger.exists(id)) {
        continue;
      }
      ledger.fire(
          id,
          Alert.Type.DRIFT_OPEN_TOO_LONG,
          Alert.Severity.WARNING,
          AlertPolicies.resource(resource),
          due,
          summary(resource, drift.application(), threshold),
          links(resource, drift.application()));
      if (drift.correctedAt() != null) {
        // the correction was journaled before this check ran (a backlog): resolve it as it was
        ledger.resolve(
            id, drift.correctedAt(), "drift of " + AlertPolicies.describe(resource) + " ended");
      }
    }
  }

  static String summary(ResourceKey resource, String application, Duration threshold) {
    return AlertPolicies.describe(resource)
        + " has drifted from "
        + application
        + "'s desired state for "
        + Human.duration(threshold);
  }

  static List<String> links(ResourceKey resource, String application) {
    return List.of(
        "/api/v1/drifts?open=true&application=" + application, AlertPolicies.timeline(resource));
  }
}
