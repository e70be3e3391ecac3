package dev.opsjournal.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.JournalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopWindowTest {

  private static final Instant T0 = Instant.parse("2026-11-17T11:00:00Z");
  private final LoopWindow loops = new LoopWindow(5, Duration.ofMinutes(10));

  @Test
  void givenThePolicy_whenBuilt_thenItsFlipsAndWindow() {
    assertThat(LoopWindow.of(JournalPolicy.defaults()))
        .isEqualTo(new LoopWindow(5, Duration.ofMinutes(10)));
  }

  @Test
  void givenAsManyFlipsAsAllowedInTheWindow_whenCounted_thenNoLoop() {
    assertThat(loops.loopAt(flipsEveryMinute(5), T0.plusSeconds(4 * 60))).isEmpty();
  }

  @Test
  void givenOneFlipMoreThanAllowedInTheWindow_whenCounted_thenALoopOfThatManyFlips() {
    assertThat(loops.loopAt(flipsEveryMinute(6), T0.plusSeconds(5 * 60))).hasValue(6);
  }

  @Test
  void givenFlipsOlderThanTheWindow_whenCounted_thenTheyDoNotCount() {
    // flips at minutes 0..7; at minute 12 the window reaches back to minute 2: six flips
    assertThat(loops.loopAt(flipsEveryMinute(8), T0.plusSeconds(12 * 60))).hasValue(6);
    assertThat(loops.loopAt(flipsEveryMinute(8), T0.plusSeconds(13 * 60))).isEmpty();
  }

  @Test
  void givenAFlipExactlyAtTheWindowStart_whenCounted_thenItCounts() {
    assertThat(loops.loopAt(flipsEveryMinute(6), T0.plusSeconds(10 * 60))).hasValue(6);
  }

  private static List<Instant> flipsEveryMinute(int flips) {
    return IntStream.range(0, flips).mapToObj(i -> T0.plusSeconds(i * 60L)).toList();
  }
}
