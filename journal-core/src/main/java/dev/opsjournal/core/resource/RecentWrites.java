package dev.opsjournal.core.resource;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The last few writes to the object, oldest first: a verdict that arrives after them is named after
 * one of them. Only its aggregate's event handlers add to it.
 */
final class RecentWrites {

  /** How many recent writes are kept to attribute a drift reported after them. */
  private static final int KEPT = 16;

  private final Deque<LiveWrite> writes = new ArrayDeque<>();

  /**
   * Remembers a write whose manager and time are known; forgets the oldest beyond {@link #KEPT}.
   */
  void remember(String manager, List<String> fields, Instant at) {
    if (at == null || DriftDetected.UNKNOWN_ACTOR.equals(manager)) {
      return;
    }
    writes.addLast(new LiveWrite(manager, fields, at));
    while (writes.size() > KEPT) {
      writes.removeFirst();
    }
  }

  Collection<LiveWrite> all() {
    return Collections.unmodifiableCollection(writes);
  }
}
