package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final List<Integer> failedAttempts = new ArrayList<>();
  private final AtomicBoolean active = new AtomicBoolean(true);

  /** Pauses without waiting, recording each delay; the term never ends. */
  private final Backoff backoff =
      new Backoff(
          active::get,
          delay -> {
            pauses.add(delay);
            return false;
          });

  @Test
  void returnsAtOnceWhenTheFirstCallWorks() {
    assertThat(backoff.retry(() -> "ok", this::record)).contains("ok");
    assertThat(pauses).isEmpty();
    assertThat(failedAttempts).isEmpty();
  }

  @Test
  void doublesThePauseFrom200MillisecondsUpTo30Seconds() {
    AtomicInteger calls = new AtomicInteger();

    assertThat(backoff.retry(() -> failTimes(calls, 10), this::record)).contains(11);

    assertThat(pauses)
        .extracting(Duration::toMillis)
        .containsExactly(
            200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L, 30_000L, 30_000L);
    assertThat(failedAttempts).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void givesUpWhenTheTermEndsDuringAPause() {
    AtomicInteger calls = new AtomicInteger();
    Backoff ending = new Backoff(() -> true, delay -> pauses.add(delay) && pauses.size() == 2);

    assertThat(ending.retry(() -> failTimes(calls, 100), this::record)).isEmpty();
    assertThat(calls).hasValue(2);
  }

  @Test
  void callsNothingOnceTheTermIsOver() {
    active.set(false);
    AtomicInteger calls = new AtomicInteger();

    assertThat(backoff.retry(() -> calls.incrementAndGet(), this::record)).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void stopsRetryingWhenTheTermEndsBetweenAttempts() {
    AtomicInteger calls = new AtomicInteger();

    assertThat(
            backoff.retry(
                () -> {
                  active.set(false);
                  return failTimes(calls, 5);
                },
                this::record))
        .isEmpty();
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailureForGoodEndsTheRetriesWithItsException() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                backoff.retry(
                    () -> failTimes(calls, 5),
                    (attempt, retryIn, error) -> {
                      throw new MalformedObjectException("never", error);
                    }))
        .isInstanceOf(MalformedObjectException.class);
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void aNullResultIsEmpty() {
    assertThat(backoff.retry(() -> null, this::record)).isEmpty();
  }

  private static int failTimes(AtomicInteger calls, int failures) {
    int call = calls.incrementAndGet();
    if (call <= failures) {
      throw new IllegalStateException("failure " + call);
    }
    return call;
  }

  private void record(int attempt, Duration retryIn, RuntimeException error) {
    failedAttempts.add(attempt);
  }
}
