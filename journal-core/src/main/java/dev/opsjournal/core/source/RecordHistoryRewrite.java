package dev.opsjournal.core.source;

import dev.opsjournal.core.observation.HistoryRewriteObserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a force push. */
public record RecordHistoryRewrite(HistoryRewriteObserved rewrite) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return GitSource.aggregateId(rewrite.subject());
  }
}
