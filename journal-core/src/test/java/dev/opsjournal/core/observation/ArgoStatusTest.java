package dev.opsjournal.core.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Argo CD's sync and health codes, read from the strings stored events and observations keep. */
class ArgoStatusTest {

  @ParameterizedTest
  @EnumSource(SyncStatus.class)
  void givenEachSyncCode_whenRead_thenItsConstant(SyncStatus status) {
    assertThat(SyncStatus.of(status.argoName())).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(HealthStatus.class)
  void givenEachHealthCode_whenRead_thenItsConstant(HealthStatus status) {
    assertThat(HealthStatus.of(status.argoName())).isEqualTo(status);
  }

  @Test
  void givenArgoCdsSpelling_whenRead_thenTheMatchingConstant() {
    assertThat(SyncStatus.of("OutOfSync")).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(SyncStatus.of("Synced")).isEqualTo(SyncStatus.SYNCED);
    assertThat(HealthStatus.of("Progressing")).isEqualTo(HealthStatus.PROGRESSING);
    assertThat(HealthStatus.of("Missing")).isEqualTo(HealthStatus.MISSING);
  }

  @Test
  void givenNothingOrAnUnknownOrDifferentlyCasedValue_whenRead_thenUnknown() {
    assertThat(SyncStatus.of(null)).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(SyncStatus.of("")).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(SyncStatus.of("synced")).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(HealthStatus.of(null)).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(HealthStatus.of("")).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(HealthStatus.of("Error")).isEqualTo(HealthStatus.UNKNOWN);
  }
}
