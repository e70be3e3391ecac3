package dev.opsjournal.server.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One sync operation.
 *
 * @param initiatedBy the user, or {@code automated}
 * @param partial a partial sync (Argo CD's self-heal), absent from Argo CD's own history
 * @param revision the revision synced: the first source's, for a multi-source Application
 * @param commit the commit synced, when the journal recorded it
 * @param sources the revision of each source of a multi-source Application, in the order of {@code
 *     spec.sources}; empty for a single-source one
 */
@Schema(description = "One sync operation of an Application")
public record SyncView(
    String application,
    String cluster,
    String revision,
    String initiatedBy,
    boolean automated,
    boolean partial,
    String phase,
    String message,
    Instant startedAt,
    Instant finishedAt,
    Commit commit,
    List<Source> sources) {

  /**
   * The revision one source was synced to.
   *
   * @param chart the Helm chart's name: the revision is then a chart version, not a commit
   * @param commit the commit behind a Git source's revision, when the journal recorded it; never
   *     looked up for a chart version
   */
  @Schema(description = "The revision one source of a multi-source Application was synced to")
  public record Source(String repoUrl, String revision, String chart, Commit commit) {}

  /** The commit behind a sync's revision. */
  @Schema(description = "The commit behind the synced revision")
  public record Commit(
      String sha, String author, String authorEmail, Instant authoredAt, String message) {}
}
