package dev.opsjournal.core.resource;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
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

  /** The times of the latest flips, oldest first. */
  Collection<Instant> flipTimes() {
    return Collections.unmodifiableCollection(flipTimes);
  }
}
