package dev.opsjournal.core.source;

import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.observation.CommitObserved;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a commit seen on a branch.
 *
 * @param applications the Applications known when the commit was observed ({@code namespace/name}
 *     to source), the candidates the commit may reach
 */
public record RecordCommit(CommitObserved commit, Map<String, ApplicationSource> applications) {

  public RecordCommit {
    applications = Map.copyOf(applications);
  }

  @TargetAggregateIdentifier
  public String aggregateId() {
    return GitSource.aggregateId(commit.subject());
  }

  List<String> affectedApplications() {
    return CommitImpact.affectedApplications(commit, applications);
  }
}
