package dev.opsjournal.server.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A commit, the Applications it reached when recorded, and where and when it was deployed.
 *
 * @param affectedApplications Applications ({@code namespace/name}) whose source path the commit
 *     changed, directly or through Kustomize references, among those registered when it was seen
 * @param deployments every sync of this revision, oldest first (self-heals included)
 * @param reachable false once a force push moved its branch to a history without it
 * @param unreachableSince when the journal saw that push, or null while reachable
 * @param rewrittenBy that push, or null while reachable
 */
@Schema(description = "A commit, the Applications it reached, and where and when it was deployed")
public record CommitView(
    String sha,
    String repoUrl,
    String branch,
    List<String> parents,
    Person author,
    Person committer,
    String message,
    List<String> changedPaths,
    List<String> affectedApplications,
    Instant recordedAt,
    List<Deployment> deployments,
    boolean reachable,
    Instant unreachableSince,
    Rewrite rewrittenBy) {

  /** The force push that made a commit unreachable: the branch moved {@code from} → {@code to}. */
  @Schema(description = "The force push that made the commit unreachable from its branch")
  public record Rewrite(String from, String to, Instant at) {}

  /** An author or committer. */
  @Schema(description = "A commit author or committer")
  public record Person(String name, String email, Instant when) {}

  /** One sync that deployed the commit. */
  @Schema(description = "One sync that deployed the commit")
  public record Deployment(
      String application,
      String cluster,
      String initiatedBy,
      boolean partial,
      String phase,
      Instant startedAt,
      Instant finishedAt) {}
}
