package dev.opsjournal.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.cluster.ControlPlane;
import dev.opsjournal.core.cluster.ObserveControllerActivity;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Application observations reach the control plane: only while an outage can end. */
class ControllerActivityTest {

  private static final Instant SINCE = Instant.parse("2026-11-19T09:59:59Z");
  private static final Instant OBSERVED = Instant.parse("2026-11-19T10:30:00.512Z");
  private static final Instant RECONCILED = Instant.parse("2026-11-19T10:30:00Z");
  private static final Instant OLD_OPERATION = Instant.parse("2026-11-19T09:40:00Z");

  private final ControllerActivity activity = new ControllerActivity();

  @Test
  void givenNoAnswerYet_whenAnApplicationIsObserved_thenEveryInstantItShowsIsSent() {
    assertThat(activity.of(application("local")))
        .isEqualTo(
            new ObserveControllerActivity(
                "local", List.of(RECONCILED, OLD_OPERATION, OLD_OPERATION), OBSERVED));
  }

  @Test
  void givenTheControlPlaneSaidNoOutage_whenAnApplicationIsObserved_thenNothingIsSent() {
    activity.answered("local", new ControlPlane.Status(null));

    assertThat(activity.of(application("local"))).isNull();
    assertThat(activity.of(application("prod"))).as("another cluster").isNotNull();
  }

  @Test
  void givenAnOpenOutage_whenAnApplicationIsObserved_thenOnlyTheInstantsAfterItsStartAreSent() {
    activity.answered("local", new ControlPlane.Status(SINCE));

    assertThat(activity.of(application("local")))
        .isEqualTo(new ObserveControllerActivity("local", List.of(RECONCILED), OBSERVED));
  }

  @Test
  void givenAnOpenOutage_whenAnApplicationShowsNothingAfterItsStart_thenNothingIsSent() {
    activity.answered("local", new ControlPlane.Status(RECONCILED.plusSeconds(60)));

    assertThat(activity.of(application("local"))).isNull();
  }

  @Test
  void givenAnswers_whenForgotten_thenEveryClusterIsAskedAgain() {
    activity.answered("local", new ControlPlane.Status(null));
    activity.forget();

    assertThat(activity.of(application("local"))).isNotNull();
  }

  private static ApplicationObserved application(String cluster) {
    Operation operation =
        new Operation(
            "Succeeded", "", "c2", null, List.of(), OLD_OPERATION, OLD_OPERATION, List.of());
    return new ApplicationObserved(
        ResourceKey.application(cluster, "argocd", "shop"),
        OBSERVED,
        WatchAction.MODIFIED,
        "uid-1",
        "7",
        null,
        null,
        null,
        new Status("Synced", "c2", "Healthy", RECONCILED, operation, null, null, null));
  }
}
