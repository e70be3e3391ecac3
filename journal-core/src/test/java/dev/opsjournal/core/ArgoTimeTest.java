package dev.opsjournal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArgoTimeTest {

  private static final Instant FINISHED = Instant.parse("2026-11-16T09:05:04Z");

  @Test
  void givenAnInstantWithinTheSecondArgoCdWrote_whenCompared_thenItIsNotAfterIt() {
    assertThat(ArgoTime.notAfter(Instant.parse("2026-11-16T09:05:04.700Z"), FINISHED)).isTrue();
    assertThat(ArgoTime.notAfter(Instant.parse("2026-11-16T09:05:04.999Z"), FINISHED)).isTrue();
    assertThat(ArgoTime.notAfter(FINISHED, FINISHED)).isTrue();
    assertThat(ArgoTime.notAfter(Instant.parse("2026-11-16T09:05:03.200Z"), FINISHED)).isTrue();
  }

  @Test
  void givenAnInstantInALaterSecond_whenCompared_thenItIsAfterIt() {
    assertThat(ArgoTime.notAfter(Instant.parse("2026-11-16T09:05:05Z"), FINISHED)).isFalse();
    assertThat(ArgoTime.notAfter(Instant.parse("2026-11-16T09:05:05.001Z"), FINISHED)).isFalse();
  }
}
