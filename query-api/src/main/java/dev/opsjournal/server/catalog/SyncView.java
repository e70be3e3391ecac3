package dev.opsjournal.server.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One sync operation.
 *
 * @param initiatedBy the user, or {@code automated}
 * @param partial a partial sync (Argo CD's self-heal), absent from Argo CD's own history
 * @param commit the commit synced, when the journal recorded it
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
    Commit commit) {

  /** The commit behind a sync's revision. */
  @Schema(description = "The commit behind the synced revision")
  public record Commit(
      String sha, String author, String authorEmail, Instant authoredAt, String message) {}
}
