package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenItemsTest {

  static final Instant SINCE = Instant.parse("2026-11-18T09:34:08Z");

  @Test
  void givenStatusesAtTheEnd_whenAskedWhichAreUnsettled_thenAnythingButSyncedAndHealthy() {
    Status healthy = status("argocd/a", "Synced", "Healthy");
    Status noHealth = status("argocd/b", "Synced", "");
    Status outOfSync = status("argocd/ops-journal-dev", "OutOfSync", "Progressing");
    Status degraded = status("argocd/c", "Synced", "Degraded");
    Status unknown = status("argocd/d", "", "Missing");

    assertThat(OpenItems.unsettled(List.of(healthy, noHealth, outOfSync, degraded, unknown)))
        .containsExactly(outOfSync, degraded);
  }

  private static Status status(String application, String sync, String health) {
    return new Status(application, sync, "324f9b6", health, SINCE);
  }
}
