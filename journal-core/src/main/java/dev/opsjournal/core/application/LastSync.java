package dev.opsjournal.core.application;

import dev.opsjournal.core.observation.OperationPhase;
import java.time.Instant;

/**
 * The Application's sync operation as far as a correction needs it: the one still running, else the
 * last finished one.
 *
 * @param initiatedBy the user, or {@code automated}
 * @param finishedAt null while the operation is still running
 */
public record LastSync(
    String revision,
    String phase,
    String initiatedBy,
    boolean automated,
    boolean partial,
    Instant finishedAt) {

  /** The operation {@code started} while it runs: no phase of its end, no {@code finishedAt}. */
  static LastSync running(SyncStarted started) {
    return new LastSync(
        started.revision(),
        OperationPhase.RUNNING.argoName(),
        started.initiatedBy(),
        started.automated(),
        started.partial(),
        null);
  }

  /**
   * What a resource's report is told of: the running operation when there is one, since its writes
   * are what the report may be about; otherwise the last finished one (or null).
   */
  static LastSync current(LastSync running, LastSync finished) {
    return running != null ? running : finished;
  }
}
