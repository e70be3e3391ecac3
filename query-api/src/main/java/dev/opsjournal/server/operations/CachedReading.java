package dev.opsjournal.server.operations;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A reading (a count query, say) taken at most once per {@code ttl}: a gauge is read on every
 * scrape, by every scraper, and the database should not pay for each of them.
 */
public final class CachedReading<T> implements Supplier<T> {

  private final Supplier<T> reading;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private T value;
  private long takenAt;
  private boolean taken;

  CachedReading(Supplier<T> reading, Duration ttl, LongSupplier nanoTime) {
    this.reading = reading;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The reading, taken again once it is older than {@code ttl}. */
  public static <T> CachedReading<T> of(Supplier<T> reading, Duration ttl) {
    return new CachedReading<>(reading, ttl, System::nanoTime);
  }

  @Override
  public synchronized T get() {
    long now = nanoTime.getAsLong();
    if (!taken || now - takenAt >= ttlNanos) {
      value = reading.get();
      takenAt = now;
      taken = true;
    }
    return value;
  }
}
