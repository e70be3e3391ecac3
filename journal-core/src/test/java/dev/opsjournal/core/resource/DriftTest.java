package dev.opsjournal.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final Instant STARTED = Instant.parse("2026-11-17T11:00:00Z");
  private static final Instant DETECTED = STARTED.plusSeconds(60);

  private final Drift first = Drift.detected(detectedEvent(1), null);

  @Test
  void givenADetection_whenBuilt_thenOpenWithTheEventsFacts() {
    assertThat(first)
        .isEqualTo(
            new Drift(
                1,
                "argocd/ops-journal-dev",
                "",
                DriftEvidence.OUT_OF_SYNC,
                DriftDetected.UNKNOWN_ACTOR,
                STARTED,
                DETECTED,
                null,
                null));
    assertThat(first.isOpen()).isTrue();
    assertThat(first.actorUnknown()).isTrue();
  }

  @Test
  void givenAnAttribution_whenApplied_thenOnlyEvidenceActorAndStartChange() {
    Instant earlier = STARTED.minusSeconds(30);
    Drift attributed = first.attributed(DriftEvidence.LIVE_CHANGE, "kubectl", earlier);

    assertThat(attributed)
        .isEqualTo(
            new Drift(
                1,
                "argocd/ops-journal-dev",
                "",
                DriftEvidence.LIVE_CHANGE,
                "kubectl",
                earlier,
                DETECTED,
                null,
                null));
  }

  @Test
  void givenACorrection_whenApplied_thenClosedAndOtherwiseTheSame() {
    Instant at = DETECTED.plusSeconds(60);
    Drift corrected = first.corrected(at);

    assertThat(corrected.isOpen()).isFalse();
    assertThat(corrected.correctedAt()).isEqualTo(at);
    assertThat(corrected.corrected(null)).isEqualTo(first);
  }

  @Test
  void
      givenAChange_whenAskedIfItExplainsTheDrift_thenOnlyUpToTheVerdictAndAfterTheLastCorrection() {
    Instant previousCorrection = STARTED.minusSeconds(100);
    Drift second = Drift.detected(detectedEvent(2), first.corrected(previousCorrection));

    assertThat(second.correctedBefore()).isEqualTo(previousCorrection);
    assertThat(second.explains(DETECTED)).isTrue();
    assertThat(second.explains(DETECTED.plusSeconds(1))).isFalse();
    assertThat(second.explains(previousCorrection)).isFalse();
    assertThat(second.explains(previousCorrection.plusSeconds(1))).isTrue();
  }

  @Test
  void givenAChange_whenAskedIfAfterTheCorrection_thenTrueWhileOpenAndStrictlyAfterOnceClosed() {
    Drift corrected = first.corrected(DETECTED);

    assertThat(first.isAfterCorrection(STARTED)).isTrue();
    assertThat(corrected.isAfterCorrection(DETECTED)).isFalse();
    assertThat(corrected.isAfterCorrection(DETECTED.plusSeconds(1))).isTrue();
  }

  @Test
  void givenAWrite_whenItCausedTheDrift_thenTheEarlierOfItAndTheKnownStart() {
    assertThat(first.startOrEarlier(STARTED.minusSeconds(1))).isEqualTo(STARTED.minusSeconds(1));
    assertThat(first.startOrEarlier(STARTED.plusSeconds(1))).isEqualTo(STARTED);
  }

  private static DriftDetected detectedEvent(int episode) {
    return new DriftDetected(
        DEPLOYMENT,
        episode,
        "argocd/ops-journal-dev",
        "",
        DriftEvidence.OUT_OF_SYNC,
        DriftDetected.UNKNOWN_ACTOR,
        List.of(),
        STARTED,
        DETECTED);
  }
}
