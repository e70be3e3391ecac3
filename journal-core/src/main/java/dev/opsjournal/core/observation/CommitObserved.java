package dev.opsjournal.core.observation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new commit on a watched branch, published oldest first.
 *
 * @param defaultBranch whether {@code branch} is the repository's default branch (its remote HEAD):
 *     Applications targeting {@code HEAD} follow it
 * @param kustomizations for the tree at this commit: each directory holding a {@code
 *     kustomization.yaml}, mapped to the repository directories it refers to ({@code resources},
 *     {@code components}, {@code bases}), normalised to paths from the repository root. The journal
 *     follows these to tell which Applications a change reaches.
 */
public record CommitObserved(
    String repoUrl,
    String branch,
    boolean defaultBranch,
    Instant observedAt,
    String sha,
    List<String> parents,
    Person author,
    Person committer,
    String message,
    List<ChangedPath> changedPaths,
    Map<String, List<String>> kustomizations)
    implements Observation {

  public CommitObserved {
    Observations.required(repoUrl, "the repository URL");
    Observations.required(branch, "the branch");
    Observations.required(observedAt, "observedAt");
    Observations.required(sha, "the commit sha");
    Observations.required(author, "the commit author");
    parents = Observations.list(parents);
    committer = committer == null ? author : committer;
    message = message == null ? "" : message;
    changedPaths = Observations.list(changedPaths);
    kustomizations = Observations.map(kustomizations);
  }

  @Override
  public String subject() {
    return Observation.gitSubject(repoUrl, branch);
  }

  /** An author or committer, with the time Git recorded for them. */
  public record Person(String name, String email, Instant when) {
    public Person {
      Observations.required(name, "a person's name");
      email = email == null ? "" : email;
    }
  }

  /**
   * A path the commit changed.
   *
   * @param change ADD, MODIFY, DELETE, RENAME or COPY
   * @param oldPath the path before a rename or copy, else empty
   */
  public record ChangedPath(String change, String path, String oldPath) {
    public ChangedPath {
      Observations.required(path, "a changed path");
      change = change == null ? "MODIFY" : change;
      oldPath = oldPath == null ? "" : oldPath;
    }
  }
}
