package dev.opsjournal.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicLong readings = new AtomicLong();
  private final CachedReading<Long> reading =
      new CachedReading<>(readings::incrementAndGet, Duration.ofNanos(100), now::get);

  @Test
  void givenAFreshReading_whenReadAgainWithinItsTtl_thenItIsNotTakenAgain() {
    assertThat(reading.get()).isEqualTo(1);
    now.addAndGet(99);
    assertThat(reading.get()).isEqualTo(1);
    assertThat(readings).hasValue(1);
  }

  @Test
  void givenAReading_whenItsTtlPassed_thenTheNextReadTakesItAgain() {
    assertThat(reading.get()).isEqualTo(1);
    now.addAndGet(100);
    assertThat(reading.get()).isEqualTo(2);
    now.addAndGet(50);
    assertThat(reading.get()).isEqualTo(2);
  }
}
