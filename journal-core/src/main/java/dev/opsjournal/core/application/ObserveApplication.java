package dev.opsjournal.core.application;

import dev.opsjournal.core.observation.ApplicationObserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in what a watch saw of an Argo CD Application. */
public record ObserveApplication(ApplicationObserved observation) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Application.aggregateId(observation.application());
  }
}
