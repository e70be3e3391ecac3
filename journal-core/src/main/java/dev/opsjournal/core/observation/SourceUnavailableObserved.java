package dev.opsjournal.core.observation;

import java.time.Instant;

/** A Git source could not be fetched (published once per outage). Never holds credentials. */
public record SourceUnavailableObserved(
    String repoUrl, String branch, Instant observedAt, String reason) implements Observation {

  public SourceUnavailableObserved {
    Observations.required(repoUrl, "the repository URL");
    Observations.required(branch, "the branch");
    Observations.required(observedAt, "observedAt");
    reason = reason == null ? "" : reason;
  }

  @Override
  public String subject() {
    return Observation.gitSubject(repoUrl, branch);
  }
}
