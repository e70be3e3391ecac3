package dev.opsjournal.core.resource;

import dev.opsjournal.core.observation.ResourceObserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in what a watch saw of a tracked object. */
public record ObserveResource(ResourceObserved observation) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return TrackedResource.aggregateId(observation.resource());
  }
}
