package dev.opsjournal.server.sync;

import java.time.Instant;

/**
 * One sync operation.
 *
 * @param initiatedBy the user, or {@code automated}
 * @param partial a partial sync (Argo CD's self-heal), absent from Argo CD's own history
 * @param commit the commit synced, when the journal recorded it
 */
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
  public record Commit(
      String sha, String author, String authorEmail, Instant authoredAt, String message) {}
}
