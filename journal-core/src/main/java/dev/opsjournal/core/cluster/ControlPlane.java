package dev.opsjournal.core.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.observation.HeartbeatObserved;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * Argo CD's application controller of one cluster. Collector heartbeats carry the newest
 * reconciledAt among the Applications the collector watches: when it stands still longer than the
 * grace, the controller is unavailable since then. It recovers at the first thing it does after
 * that (a reconciledAt, an operation's startedAt or finishedAt on any Application, {@link
 * ObserveControllerActivity}), not at a later heartbeat: a heartbeat only carries the newest
 * reconciledAt, minutes after the first one when heartbeats are minutes apart.
 */
public class ControlPlane {

  /**
   * What the control plane concluded after a command (its reply, never stored): whether an outage
   * is open, and since when. The ingest keeps the latest per cluster, so that it tells the control
   * plane of an Application's activity only while an outage can end.
   *
   * @param unavailableSince the last reconciliation before the open outage, or null when none is
   */
  public record Status(Instant unavailableSince) {

    public boolean outageOpen() {
      return unavailableSince != null;
    }
  }

  @AggregateIdentifier private String id;
  private Instant unavailableSince;
  private Instant lastEventAt;

  /**
   * The controller's first act after the last outage: a heartbeat read from a cache that had not
   * seen it yet says nothing older than this.
   */
  private Instant recoveredAt;

  ControlPlane() {
    // for Axon
  }

  public static String aggregateId(String cluster) {
    return "cluster:" + cluster;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  Status handle(ObserveHeartbeat command, JournalPolicy policy) {
    identify(command.aggregateId()); // Axon keeps a new aggregate by id even when nothing happened
    HeartbeatObserved heartbeat = command.heartbeat();
    Instant reconciledAt = heartbeat.latestReconciledAt();
    Instant at = heartbeat.observedAt();
    if (reconciledAt == null
        || unavailableSince != null
        || (lastEventAt != null && !at.isAfter(lastEventAt))) {
      // no Application watched; an outage only the controller's own activity ends; or a
      // heartbeat from before what was already decided
      return status();
    }
    if (recoveredAt != null && recoveredAt.isAfter(reconciledAt)) {
      reconciledAt = recoveredAt;
    }
    if (Duration.between(reconciledAt, at).compareTo(policy.controllerGrace()) > 0) {
      apply(new ControllerUnavailable(heartbeat.cluster(), reconciledAt, at));
    }
    return status();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  Status handle(ObserveControllerActivity command) {
    identify(command.aggregateId());
    Instant recovered = unavailableSince == null ? null : command.earliestAfter(unavailableSince);
    if (recovered != null) {
      apply(
          new ControllerRecovered(
              command.cluster(),
              unavailableSince,
              recovered,
              Duration.between(unavailableSince, recovered),
              command.observedAt()));
    }
    return status();
  }

  private Status status() {
    return new Status(unavailableSince);
  }

  @EventSourcingHandler
  void on(ControllerUnavailable event) {
    id = aggregateId(event.cluster());
    unavailableSince = event.lastReconciledAt();
    lastEventAt = event.at();
  }

  @EventSourcingHandler
  void on(ControllerRecovered event) {
    recoveredAt = event.reconciledAt();
    unavailableSince = null;
    lastEventAt = event.at();
  }

  /**
   * The identifier is identity, not state: it is known from the command before any event, and a new
   * aggregate that applies no event still needs one.
   */
  private void identify(String aggregateId) {
    if (id == null) {
      id = aggregateId;
    }
  }
}
