package dev.opsjournal.core.observation;

import java.time.Instant;
import java.util.List;

/** A force push: the branch's old head is no longer an ancestor of its new head. */
public record HistoryRewriteObserved(
    String repoUrl,
    String branch,
    Instant observedAt,
    String oldHead,
    String newHead,
    List<String> unreachable)
    implements Observation {

  public HistoryRewriteObserved {
    Observations.required(repoUrl, "the repository URL");
    Observations.required(branch, "the branch");
    Observations.required(observedAt, "observedAt");
    Observations.required(oldHead, "the old head");
    Observations.required(newHead, "the new head");
    unreachable = Observations.list(unreachable);
  }

  @Override
  public String subject() {
    return Observation.gitSubject(repoUrl, branch);
  }
}
