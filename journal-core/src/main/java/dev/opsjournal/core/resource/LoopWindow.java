package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * When a conflict's flips make a reconciliation loop: more than {@code maxFlips} of them within
 * {@code window}, counted back from the latest. Applications fighting over an object flip it on
 * every reconciliation; a hand-over flips it once.
 */
record LoopWindow(int maxFlips, Duration window) {

  static LoopWindow of(JournalPolicy policy) {
    return new LoopWindow(policy.loopFlips(), policy.loopWindow());
  }

  /** The number of flips in the window ending at {@code at}, if they make a loop. */
  OptionalInt loopAt(Collection<Instant> flipTimes, Instant at) {
    Instant windowStart = at.minus(window);
    long flipsInWindow = flipTimes.stream().filter(t -> !t.isBefore(windowStart)).count();
    return flipsInWindow > maxFlips ? OptionalInt.of((int) flipsInWindow) : OptionalInt.empty();
  }
}
