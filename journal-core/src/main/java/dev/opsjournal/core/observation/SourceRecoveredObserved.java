package dev.opsjournal.core.observation;

import java.time.Instant;

/** A Git source that was unavailable could be fetched again. */
public record SourceRecoveredObserved(String repoUrl, String branch, Instant observedAt)
    implements Observation {

  public SourceRecoveredObserved {
    Observations.required(repoUrl, "the repository URL");
    Observations.required(branch, "the branch");
    Observations.required(observedAt, "observedAt");
  }

  @Override
  public String subject() {
    return Observation.gitSubject(repoUrl, branch);
  }
}
