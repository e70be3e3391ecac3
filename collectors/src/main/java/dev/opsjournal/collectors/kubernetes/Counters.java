package dev.opsjournal.collectors.kubernetes;

import java.util.concurrent.atomic.AtomicLong;

/** What the collector did since start, across terms: for logs and tests. */
final class Counters {

  /** Observations published. */
  final AtomicLong published = new AtomicLong();

  /** Notifications that carried nothing new: resync ticks, relists, restarts. */
  final AtomicLong unchanged = new AtomicLong();

  /** Objects that could not be mapped and were skipped. */
  final AtomicLong malformed = new AtomicLong();
}
