package dev.opsjournal.server.sync;

import dev.opsjournal.core.ArgoTime;
import java.time.Instant;
import java.util.List;

/**
 * Which sync of one Application made a write the collector saw at a millisecond instant. Argo CD
 * stamps an operation's {@code startedAt}/{@code finishedAt} in whole seconds, so a full sync and
 * the self-heal after it can share one second and both "hold" a write made in it. When the journal
 * observed the operation run (its Running snapshot, then its completed one), the write belongs to
 * the sync observed running when it was seen; only without such a bracket (times not observed, or a
 * write seen out of order across watches) does it fall back to the whole-second rule, {@link
 * ArgoTime#notAfter}, taking the latest sync that holds it.
 */
public final class SyncAttribution {

  private SyncAttribution() {}

  /**
   * A sync's times.
   *
   * @param startedAt Argo CD's {@code startedAt}, whole seconds
   * @param finishedAt Argo CD's {@code finishedAt}, or null while running
   * @param observedStartedAt when the journal first saw it running, or null if not recorded
   * @param observedFinishedAt when the journal saw it finished, or null
   */
  public record Bracket(
      Instant startedAt,
      Instant finishedAt,
      Instant observedStartedAt,
      Instant observedFinishedAt) {

    /** Whether the journal saw this sync start and (if it finished) end. */
    boolean observed() {
      return observedStartedAt != null && (finishedAt == null || observedFinishedAt != null);
    }

    /** Whether it was observed running when {@code at} was seen, ends included. */
    boolean observedRunningAt(Instant at) {
      return observed()
          && !observedStartedAt.isAfter(at)
          && (observedFinishedAt == null || !at.isAfter(observedFinishedAt));
    }

    /** Whether {@code at} falls within its whole-second start and end. */
    boolean runningToTheSecond(Instant at) {
      return !startedAt.isAfter(at) && (finishedAt == null || ArgoTime.notAfter(at, finishedAt));
    }
  }

  /**
   * The index in {@code syncs} (one Application's, by start) of the sync that made a write seen at
   * {@code at}, or -1 when it was a write outside any sync.
   */
  public static int of(List<Bracket> syncs, Instant at) {
    int found = lastMatching(syncs, at, true);
    return found >= 0 ? found : lastMatching(syncs, at, false);
  }

  private static int lastMatching(List<Bracket> syncs, Instant at, boolean observed) {
    for (int i = syncs.size() - 1; i >= 0; i--) {
      Bracket b = syncs.get(i);
      if (observed ? b.observedRunningAt(at) : b.runningToTheSecond(at)) {
        return i;
      }
    }
    return -1;
  }
}
