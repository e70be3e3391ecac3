package dev.opsjournal.core.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why Argo CD's repo-server could not read Git, told from the message of a {@code ComparisonError}
 * condition. Argo CD wraps the repo-server's error in layers ({@code Failed to load target state:
 * failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = failed to list
 * refs: <go-git or Go net error>}); only the innermost text tells the failure, and only some
 * ComparisonErrors are about Git at all: a Helm or Kustomize error while generating manifests from
 * a fetched revision is not Git being unavailable.
 */
public enum GitFailure {
  /** The server authenticated nobody (or not us): a credential is missing, wrong or expired. */
  AUTHENTICATION("authentication failed"),
  /** The repository does not exist at that URL (or is hidden from the credential). */
  REPOSITORY_NOT_FOUND("repository not found"),
  /** The repository answered, but the target revision resolves to no commit. */
  REVISION_NOT_FOUND("revision not found"),
  /** The Git host's name did not resolve. */
  DNS("host not found"),
  /** Nothing listens on the Git host's port, or a proxy refuses. */
  CONNECTION_REFUSED("connection refused"),
  /** The Git host (or the repo-server) did not answer in time. */
  TIMEOUT("timeout"),
  /** Any other error reading Git, e.g. a connection reset. */
  OTHER("Git error");

  /**
   * Texts only the Git layer of the repo-server writes ({@code util/git/client.go}, go-git, the git
   * CLI): a ComparisonError without one is a manifest generation error, not Git.
   */
  private static final List<String> GIT_LAYER =
      List.of(
          "failed to list refs",
          "to a commit sha",
          "authentication required",
          "authentication failed",
          "repository not found",
          "git fetch",
          "failed to fetch",
          "ls-remote",
          "could not read from remote repository",
          "unable to access '");

  private final String description;

  GitFailure(String description) {
    this.description = description;
  }

  /** A few words for prose, e.g. {@code connection refused}. */
  public String description() {
    return description;
  }

  /** The value the REST API shows, e.g. {@code connection-refused}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The failure whose {@link #slug()} is {@code slug}, e.g. as a read model stores it. */
  public static Optional<GitFailure> ofSlug(String slug) {
    return java.util.Arrays.stream(values()).filter(f -> f.slug().equals(slug)).findFirst();
  }

  /**
   * The failure a ComparisonError's message tells, or empty when it is not about Git (a manifest
   * generation error, an invalid spec, the repo-server itself unreachable).
   */
  public static Optional<GitFailure> of(String comparisonErrorMessage) {
    String m = comparisonErrorMessage.toLowerCase(Locale.ROOT);
    if (GIT_LAYER.stream().noneMatch(m::contains)) {
      return Optional.empty();
    }
    return Optional.of(classify(m));
  }

  private static GitFailure classify(String m) {
    if (m.contains("authentication required")
        || m.contains("authentication failed")
        || m.contains("could not read username")
        || m.contains("permission denied (publickey")
        || m.contains("invalid username or password")) {
      return AUTHENTICATION;
    }
    if (m.contains("repository not found")
        || m.contains("does not appear to be a git repository")) {
      return REPOSITORY_NOT_FOUND;
    }
    if (m.contains("to a commit sha") || m.contains("couldn't find remote ref")) {
      return REVISION_NOT_FOUND;
    }
    if (m.contains("no such host")
        || m.contains("could not resolve host")
        || m.contains("server misbehaving")) {
      return DNS;
    }
    if (m.contains("connection refused")) {
      return CONNECTION_REFUSED;
    }
    if (m.contains("timeout") || m.contains("timed out") || m.contains("deadline exceeded")) {
      return TIMEOUT;
    }
    return OTHER;
  }
}
