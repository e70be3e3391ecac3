package dev.opsjournal.core.cluster;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take in what an Application observation shows Argo CD's controller did: the instants it wrote
 * ({@code reconciledAt}, {@code operationState.startedAt}, {@code finishedAt}). The earliest of
 * them after an open outage's start is the controller's recovery.
 *
 * @param actedAt the instants the controller acted, in any order
 * @param observedAt when the collector saw the Application
 */
public record ObserveControllerActivity(String cluster, List<Instant> actedAt, Instant observedAt) {

  public ObserveControllerActivity {
    actedAt = List.copyOf(actedAt);
  }

  @TargetAggregateIdentifier
  public String aggregateId() {
    return ControlPlane.aggregateId(cluster);
  }

  /** The earliest instant the controller acted after {@code since}, or null. */
  Instant earliestAfter(Instant since) {
    return actedAt.stream().filter(a -> a.isAfter(since)).min(Instant::compareTo).orElse(null);
  }
}
