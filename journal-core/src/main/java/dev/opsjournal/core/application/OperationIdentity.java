package dev.opsjournal.core.application;

import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import java.time.Instant;

/**
 * Which operation an observed {@code operationState} is. An operation is named by its {@code
 * startedAt}, but Argo CD writes that with whole seconds, and a self-heal often starts in the same
 * second as the sync before it: a state with the same {@code startedAt} as a completed operation,
 * Running again or completed differently, is the next operation, named {@code <startedAt>#<n>}.
 */
final class OperationIdentity {

  private OperationIdentity() {}

  /** What tells two completed operations of one second apart. */
  record Completed(String revision, String initiatedBy, boolean partial, Instant finishedAt) {

    static Completed of(SyncCompleted event) {
      return new Completed(
          event.revision(), event.initiatedBy(), event.partial(), event.finishedAt());
    }

    boolean isSameAs(Operation seen) {
      return seen.finished()
          && revision.equals(seen.revision())
          && initiatedBy.equals(seen.initiatedBy().describe())
          && partial == seen.partial()
          // a state completed without finishedAt was journaled as finishing when observed
          && (seen.finishedAt() == null || seen.finishedAt().equals(finishedAt));
    }
  }

  /**
   * The id of {@code seen}.
   *
   * @param current the id of the Application's latest operation (null if none)
   * @param completed that operation, if it completed (else null)
   */
  static String of(Operation seen, String current, Completed completed) {
    String second = seen.startedAt().toString();
    boolean sameSecond =
        current != null && (current.equals(second) || current.startsWith(second + "#"));
    if (!sameSecond) {
      return second;
    }
    if (completed == null || completed.isSameAs(seen)) {
      return current;
    }
    int n = current.equals(second) ? 1 : Integer.parseInt(current.substring(second.length() + 1));
    return second + "#" + (n + 1);
  }
}
