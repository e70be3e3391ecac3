package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource's open conflict, as its events left it; only its aggregate's event handlers move it.
 */
final class OpenConflict {

  /** How many flip times are kept to find a reconciliation loop. */
  private static final int FLIP_TIMES = 64;

  final int episode;
  final Set<String> applications;
  final Instant startedAt;
  private final Deque<Instant> flipTimes = new ArrayDeque<>();
  int flips;
  boolean loopReported;

  OpenConflict(ConflictStarted event) {
    this.episode = event.episode();
    this.applications = new TreeSet<>(event.applications());
    this.startedAt = event.at();
  }

  void flipped(ConflictFlipped event) {
    flips = event.flips();
    applications.add(event.to());
    flipTimes.addLast(event.at());
    while (flipTimes.size() > FLIP_TIMES) {
      flipTimes.removeFirst();
    }
  }

  /** The loop the flips up to {@code at} make, if they make one. */
  Optional<ReconciliationLoopDetected> loopAt(ResourceKey key, LoopWindow loops, Instant at) {
    return loops.loopAt(flipTimes, at).stream()
        .mapToObj(
            flipsInWindow ->
                new ReconciliationLoopDetected(
                    key, episode, List.copyOf(applications), flipsInWindow, loops.window(), at))
        .findFirst();
  }

  /** The end of this conflict at {@code at}, left to {@code winner}. */
  ConflictEnded endedBy(ResourceKey key, String winner, Instant at) {
    return new ConflictEnded(key, episode, winner, flips, Duration.between(startedAt, at), at);
  }
}
