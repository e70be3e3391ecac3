package dev.opsjournal.server.alerts;

import static dev.opsjournal.core.alert.Alert.Severity.CRITICAL;
import static dev.opsjournal.core.alert.Alert.Severity.WARNING;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.core.alert.Alert.Type;
import dev.opsjournal.core.application.SyncCompleted;
import dev.opsjournal.core.cluster.ControllerRecovered;
import dev.opsjournal.core.cluster.ControllerUnavailable;
import dev.opsjournal.core.resource.ConflictEnded;
import dev.opsjournal.core.resource.ConflictStarted;
import dev.opsjournal.core.resource.DriftCorrected;
import dev.opsjournal.core.resource.ReconciliationLoopDetected;
import dev.opsjournal.core.source.CommitRecorded;
import dev.opsjournal.core.source.HistoryRewritten;
import dev.opsjournal.core.source.SourceRecovered;
import dev.opsjournal.core.source.SourceUnavailable;
import dev.opsjournal.server.api.Human;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alert policies that follow journal events. A tracking processor without a reset handler: its
 * alerts are derived from the events with stable ids, so a replay finds them recorded and sends
 * nothing again. (Elapsed-time policies are in {@link DriftDeadlines}.)
 */
@Component
@ProcessingGroup("alerts")
@DisallowReplay // alerts are published once per transition; a replay must not even try again
class AlertPolicies {

  private final AlertLedger ledger;
  private final AlertProperties properties;

  AlertPolicies(AlertLedger ledger, AlertProperties properties) {
    this.ledger = ledger;
    this.properties = properties;
  }

  @EventHandler
  void on(ConflictStarted event) {
    ledger.fire(
        conflictId(event.resource(), event.episode()),
        Type.CONFLICT,
        WARNING,
        resource(event.resource()),
        event.at(),
        describe(event.resource())
            + " is claimed by "
            + String.join(" and ", event.applications())
            + (event.holder().isEmpty() ? "" : "; " + event.holder() + " holds it"),
        List.of("/api/v1/conflicts?open=true", timeline(event.resource())));
  }

  @EventHandler
  void on(ReconciliationLoopDetected event) {
    ledger.fire(
        loopId(event.resource(), event.episode()),
        Type.RECONCILIATION_LOOP,
        CRITICAL,
        resource(event.resource()),
        event.at(),
        String.join(" and ", event.applications())
            + " keep overwriting "
            + describe(event.resource())
            + ": "
            + event.flipsInWindow()
            + " flips within "
            + Human.duration(event.window()),
        List.of("/api/v1/conflicts?open=true", timeline(event.resource())));
  }

  @EventHandler
  void on(ConflictEnded event) {
    String summary =
        describe(event.resource())
            + " has one claimant again"
            + (event.winner().isEmpty() ? "" : ": " + event.winner())
            + ", after "
            + event.flips()
            + " flips";
    ledger.resolve(conflictId(event.resource(), event.episode()), event.at(), summary);
    ledger.resolve(loopId(event.resource(), event.episode()), event.at(), summary);
  }

  /**
   * Resolves the drift's alert; if the live check never saw it open (the journal was catching up)
   * but it lasted longer than the threshold, it fires now, as it would have, and resolves.
   */
  @EventHandler
  void on(DriftCorrected event) {
    String id = DriftDeadlines.alertId(event.resource(), event.episode());
    Duration threshold = properties.driftOpenThreshold(event.application());
    if (!ledger.exists(id) && event.duration().compareTo(threshold) >= 0) {
      ledger.fire(
          id,
          Type.DRIFT_OPEN_TOO_LONG,
          WARNING,
          resource(event.resource()),
          event.at().minus(event.duration()).plus(threshold),
          DriftDeadlines.summary(event.resource(), event.application(), threshold),
          DriftDeadlines.links(event.resource(), event.application()));
    }
    ledger.resolve(
        id,
        event.at(),
        "drift of "
            + describe(event.resource())
            + " ended by "
            + event.correction().name().toLowerCase().replace('_', ' ')
            + " after "
            + Human.duration(event.duration()));
  }

  @EventHandler
  void on(ControllerUnavailable event) {
    ledger.fire(
        "controller/" + event.cluster() + "/" + event.lastReconciledAt(),
        Type.CONTROLLER_UNAVAILABLE,
        CRITICAL,
        new Alert.Subject("cluster", event.cluster()),
        event.lastReconciledAt(),
        "Argo CD's application controller in cluster "
            + event.cluster()
            + " has reconciled nothing since "
            + event.lastReconciledAt()
            + ": desired state is not enforced",
        List.of("/api/v1/outages?kind=controller"));
  }

  @EventHandler
  void on(ControllerRecovered event) {
    ledger.resolve(
        "controller/" + event.cluster() + "/" + event.lastReconciledAt(),
        event.reconciledAt(),
        "Argo CD's application controller in cluster "
            + event.cluster()
            + " reconciles again, after "
            + Human.duration(event.outage()));
  }

  @EventHandler
  void on(SourceUnavailable event) {
    ledger.fire(
        "git-source/" + event.source() + "/" + event.at(),
        Type.GIT_SOURCE_UNAVAILABLE,
        WARNING,
        new Alert.Subject("source", event.source()),
        event.at(),
        "Git source " + event.source() + " cannot be fetched: " + event.reason(),
        List.of("/api/v1/outages?kind=git-source"));
  }

  @EventHandler
  void on(SourceRecovered event) {
    ledger.resolve(
        "git-source/" + event.source() + "/" + event.unavailableSince(),
        event.at(),
        "Git source "
            + event.source()
            + " can be fetched again, after "
            + Human.duration(event.outage()));
  }

  @EventHandler
  void on(HistoryRewritten event) {
    ledger.fire(
        "history-rewritten/" + event.source() + "/" + event.newHead(),
        Type.HISTORY_REWRITTEN,
        WARNING,
        new Alert.Subject("source", event.source()),
        event.at(),
        event.source()
            + " was force-pushed from "
            + Human.revision(event.oldHead())
            + " to "
            + Human.revision(event.newHead())
            + "; "
            + event.unreachable().size()
            + " commits are no longer reachable",
        List.of("/api/v1/commits/" + event.newHead()));
  }

  @EventHandler
  void on(CommitRecorded event) {
    ledger.resolveAll(
        Type.HISTORY_REWRITTEN,
        new Alert.Subject("source", event.source()),
        event.at(),
        "commits are recorded on the rewritten history of " + event.source() + " again");
  }

  @EventHandler
  void on(SyncCompleted event) {
    Alert.Subject subject = new Alert.Subject("application", event.application().toString());
    String application = event.application().namespacedName();
    if (event.succeeded()) {
      ledger.resolveAll(
          Type.SYNC_FAILED,
          subject,
          event.at(),
          application + " synced " + Human.revision(event.revision()) + " successfully");
    } else if (!ledger.anyFiring(Type.SYNC_FAILED, subject)) {
      ledger.fire(
          "sync-failed/" + event.application() + "/" + event.operationId(),
          Type.SYNC_FAILED,
          WARNING,
          subject,
          event.finishedAt(),
          application
              + " failed to sync "
              + Human.revision(event.revision())
              + " ("
              + event.phase()
              + "): "
              + event.message(),
          List.of(
              "/api/v1/applications/"
                  + event.application().namespace()
                  + "/"
                  + event.application().name()
                  + "/syncs"));
    }
  }

  static Alert.Subject resource(ResourceKey key) {
    return new Alert.Subject("resource", key.toString());
  }

  static String describe(ResourceKey key) {
    return key.kind() + " " + key.namespacedName() + " in " + key.cluster();
  }

  static String timeline(ResourceKey key) {
    return UriComponentsBuilder.fromPath("/api/v1/resources/timeline")
        .queryParam("cluster", key.cluster())
        .queryParam("group", key.group())
        .queryParam("kind", key.kind())
        .queryParam("namespace", key.namespace())
        .queryParam("name", key.name())
        .encode()
        .toUriString();
  }

  private static String conflictId(ResourceKey resource, int episode) {
    return "conflict/" + resource + "/" + episode;
  }

  private static String loopId(ResourceKey resource, int episode) {
    return "loop/" + resource + "/" + episode;
  }
}
