package dev.opsjournal.core.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in whether a Git source could be fetched. */
public record ObserveSourceAvailability(
    String source, boolean available, String reason, Instant at) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return GitSource.aggregateId(source);
  }
}
