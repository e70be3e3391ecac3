package dev.opsjournal.core.cluster;

import dev.opsjournal.core.observation.HeartbeatObserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in a collector heartbeat: time moves on, and the control plane is or is not reconciling. */
public record ObserveHeartbeat(HeartbeatObserved heartbeat) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return ControlPlane.aggregateId(heartbeat.cluster());
  }
}
