package dev.opsjournal.collectors.kubernetes;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Retries a call with exponential backoff until it works or the term of watching ends: the
 * collector's one retry loop, for reading the inventory and for publishing. Nothing is dropped
 * silently, and the pause is injected so the schedule is testable without waiting.
 */
final class Backoff {

  static final Duration FIRST_RETRY = Duration.ofMillis(200);
  static final Duration LAST_RETRY = Duration.ofSeconds(30);

  /** Waits between attempts. */
  interface Pause {
    /** Waits for the delay; true when the term ended meanwhile, so that retrying is pointless. */
    boolean await(Duration delay);
  }

  /** Told of each failed attempt before the pause; may throw to give up (a failure for good). */
  interface Failures {
    void failed(int attempt, Duration retryIn, RuntimeException error);
  }

  private final BooleanSupplier active;
  private final Pause pause;

  /**
   * @param active whether to go on: checked before every attempt
   */
  Backoff(BooleanSupplier active, Pause pause) {
    this.active = active;
    this.pause = pause;
  }

  /**
   * Calls until a call returns, waiting 200 ms after the first failure, then twice as long each
   * time, at most 30 s.
   *
   * @return what the call returned (empty for null), or empty when the term ended first
   */
  <T> Optional<T> retry(Supplier<T> call, Failures failures) {
    Duration delay = FIRST_RETRY;
    for (int attempt = 1; active.getAsBoolean(); attempt++) {
      try {
        return Optional.ofNullable(call.get());
      } catch (RuntimeException e) {
        failures.failed(attempt, delay, e);
        if (pause.await(delay)) {
          return Optional.empty();
        }
        delay = next(delay);
      }
    }
    return Optional.empty();
  }

  static Duration next(Duration delay) {
    Duration doubled = delay.multipliedBy(2);
    return doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
  }
}
