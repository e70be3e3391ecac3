package dev.opsjournal.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceTest {

  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final Instant AT = Instant.parse("2026-11-17T11:00:01Z");
  private static final Instant WRITTEN = AT.minusSeconds(1);
  private static final String UID = "6f1c2a4e-8d7b-4c3a-9e51-0b2d7f3a1c11";
  private static final String NEW_UID = "7a2d3b5f-9e8c-4d4b-8f62-1c3e8a4b2d22";
  private static final Map<String, String> DESIRED = Map.of("spec.replicas", "3");

  @Test
  void givenAnObjectNeverSeen_whenSeen_thenItAppearedWrittenByItsLatestManager() {
    assertThat(Presence.change(seen(UID, 2, "fp-2", kubectl()), never(), ""))
        .contains(new ResourceAppeared(DEPLOYMENT, UID, 2, "fp-2", DESIRED, "kubectl", AT));
  }

  @Test
  void givenAnotherUid_whenSeen_thenItWasReCreatedForTheClaimingApplication() {
    assertThat(Presence.change(seen(NEW_UID, 1, "fp-1", null), known(false), "argocd/dev"))
        .contains(
            new ResourceRecreated(
                DEPLOYMENT,
                UID,
                NEW_UID,
                1,
                "fp-1",
                DESIRED,
                "argocd/dev",
                DriftDetected.UNKNOWN_ACTOR,
                AT));
  }

  @Test
  void givenADeletedObject_whenSeenAgainWithItsUid_thenItWasReCreated() {
    assertThat(Presence.change(seen(UID, 2, "fp-2", null), known(true), ""))
        .get()
        .isInstanceOf(ResourceRecreated.class);
  }

  @Test
  void givenANewGenerationOrFingerprint_whenSeen_thenItChangedWithTheWrite() {
    ResourceChanged expected =
        new ResourceChanged(
            DEPLOYMENT,
            UID,
            3,
            "fp-3",
            DESIRED,
            "kubectl",
            "Update",
            List.of("spec.replicas"),
            WRITTEN,
            AT);

    assertThat(Presence.change(seen(UID, 3, "fp-3", kubectl()), known(false), ""))
        .contains(expected);
    assertThat(Presence.change(seen(UID, 2, "fp-3", kubectl()), known(false), ""))
        .get()
        .isInstanceOf(ResourceChanged.class);
  }

  @Test
  void givenAChangeWithoutAWrite_whenSeen_thenNoOperationNoFieldsAndTheObservationTime() {
    assertThat(Presence.change(seen(UID, 3, "fp-3", null), known(false), ""))
        .contains(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                3,
                "fp-3",
                DESIRED,
                DriftDetected.UNKNOWN_ACTOR,
                "",
                List.of(),
                AT,
                AT));
  }

  @Test
  void givenTheSameGenerationAndFingerprint_whenSeen_thenNothingHappened() {
    assertThat(Presence.change(seen(UID, 2, "fp-2", kubectl()), known(false), "")).isEmpty();
  }

  private static Presence.Known never() {
    return new Presence.Known(null, false, 0, "");
  }

  private static Presence.Known known(boolean deleted) {
    return new Presence.Known(UID, deleted, 2, "fp-2");
  }

  private static ManagedFieldsEntry kubectl() {
    return new ManagedFieldsEntry("kubectl", "Update", "", WRITTEN, List.of("spec.replicas"));
  }

  private static ResourceObserved seen(
      String uid, long generation, String fingerprint, ManagedFieldsEntry write) {
    return new ResourceObserved(
        DEPLOYMENT,
        AT,
        WatchAction.MODIFIED,
        uid,
        "2051",
        generation,
        Map.of(),
        Map.of(),
        write == null ? List.of() : List.of(write),
        fingerprint,
        DESIRED);
  }
}
