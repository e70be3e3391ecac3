package dev.opsjournal.server.simulator;

import dev.opsjournal.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.PriorityQueue;

/**
 * The simulator's virtual time: actions scheduled at instants (millisecond precision), run in time
 * order (ties in the order scheduled), each with the clock the collectors read set to its instant.
 */
final class Timeline {

  private record Scheduled(Instant at, long order, Runnable action)
      implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private final MutableClock clock;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private long scheduled;
  private Instant now;

  Timeline(MutableClock clock, Instant start) {
    this.clock = clock;
    this.now = start;
    clock.set(start);
  }

  Instant now() {
    return now;
  }

  /**
   * Argo CD's times as the API server keeps them: {@code metav1.Time} marshals RFC 3339 with whole
   * seconds, truncated.
   */
  static Instant metav1(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  void after(Duration delay, Runnable action) {
    at(now.plus(delay), action);
  }

  void at(Instant at, Runnable action) {
    queue.add(new Scheduled(at.isBefore(now) ? now : at, scheduled++, action));
  }

  /** Runs everything scheduled before {@code end}, in order; later actions stay queued. */
  void runUntil(Instant end) {
    while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
      Scheduled next = queue.poll();
      now = next.at();
      clock.set(now);
      next.action().run();
    }
    now = end;
    clock.set(end);
  }
}
