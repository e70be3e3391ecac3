package dev.opsjournal.core.application;

import dev.opsjournal.core.observation.KubernetesEventObserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in a Kubernetes Event whose involved object is an Argo CD Application. */
public record ObserveApplicationEvent(KubernetesEventObserved event) {

  public ObserveApplicationEvent {
    if (!event.regarding().isApplication()) {
      throw new IllegalArgumentException(
          "an Application's Event must be about an Application, not " + event.regarding());
    }
  }

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Application.aggregateId(event.regarding());
  }
}
