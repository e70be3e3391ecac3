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
 * Argo CD's application controller of one cluster, seen through collector heartbeats. A heartbeat
 * carries the newest reconciledAt among the Applications the collector watches, so this rule needs
 * no other stream and holds whatever order other observations arrive in.
 */
public class ControlPlane {

  @AggregateIdentifier private String id;
  private Instant unavailableSince;
  private Instant lastEventAt;

  ControlPlane() {
    // for Axon
  }

  public static String aggregateId(String cluster) {
    return "cluster:" + cluster;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ObserveHeartbeat command, JournalPolicy policy) {
    identify(command.aggregateId()); // Axon keeps a new aggregate by id even when nothing happened
    HeartbeatObserved heartbeat = command.heartbeat();
    Instant reconciledAt = heartbeat.latestReconciledAt();
    Instant at = heartbeat.observedAt();
    if (reconciledAt == null || (lastEventAt != null && !at.isAfter(lastEventAt))) {
      return; // no Application watched, or a heartbeat from before what was already decided
    }
    if (unavailableSince != null) {
      if (reconciledAt.isAfter(unavailableSince)) {
        apply(
            new ControllerRecovered(
                heartbeat.cluster(),
                unavailableSince,
                reconciledAt,
                Duration.between(unavailableSince, reconciledAt),
                at));
      }
    } else if (Duration.between(reconciledAt, at).compareTo(policy.controllerGrace()) > 0) {
      apply(new ControllerUnavailable(heartbeat.cluster(), reconciledAt, at));
    }
  }

  @EventSourcingHandler
  void on(ControllerUnavailable event) {
    id = aggregateId(event.cluster());
    unavailableSince = event.lastReconciledAt();
    lastEventAt = event.at();
  }

  @EventSourcingHandler
  void on(ControllerRecovered event) {
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
