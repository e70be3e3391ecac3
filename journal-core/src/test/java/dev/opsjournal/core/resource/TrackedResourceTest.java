package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.LastSync;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story of one object, told with the week of {@code scenarios/week-02.md}: the ops-journal
 * Deployment and Service owned by {@code ops-journal-dev}, later fought over by {@code
 * ops-journal-staging}. Times are UTC, week 2026-W47.
 */
class TrackedResourceTest {

  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final ResourceKey SERVICE =
      ResourceKey.of("local", "", "Service", "ops-journal", "ops-journal");

  private static final String DEV = "argocd/ops-journal-dev";
  private static final String STAGING = "argocd/ops-journal-staging";
  private static final String DEV_TRACKING =
      "ops-journal-dev:apps/Deployment:ops-journal/ops-journal";
  private static final String STAGING_TRACKING =
      "ops-journal-staging:apps/Deployment:ops-journal/ops-journal";
  private static final String DEV_SERVICE_TRACKING =
      "ops-journal-dev:/Service:ops-journal/ops-journal";

  private static final String UID = "6f1c2a4e-8d7b-4c3a-9e51-0b2d7f3a1c11";
  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final String C4 = "4e7a1b3c5d9f2e4a6b8c0d1e3f5a7b9c1d2e4f6a";
  private static final String REPLICAS_1 = "sha256:spec-replicas-1";
  private static final String REPLICAS_2 = "sha256:spec-replicas-2";
  private static final String REPLICAS_3 = "sha256:spec-replicas-3";

  /** Mon 10:05: ops-journal-dev's first automated sync creates the objects. */
  private static final Instant CREATED = Instant.parse("2026-11-16T10:05:10Z");

  private static final LastSync FIRST_SYNC =
      new LastSync(
          C2, "Succeeded", "automated", true, false, Instant.parse("2026-11-16T10:05:08Z"));

  private static final List<String> ARGO_FIELDS =
      List.of(
          "spec.replicas",
          "spec.selector",
          "spec.template.spec.containers[name=ops-journal].image");
  private static final List<String> REPLICAS = List.of("spec.replicas");

  private FixtureConfiguration<TrackedResource> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(TrackedResource.class);
    fixture.registerInjectableResource(JournalPolicy.defaults());
  }

  // --- appearance, changes, deletion ---

  @Test
  void givenNothing_whenObjectFirstSeenWithItsOwnTrackingId_thenAppearedAndOwnershipClaimed() {
    fixture
        .givenNoPriorActivity()
        .when(devDeployment(CREATED).added().command())
        .expectEvents(
            new ResourceAppeared(
                DEPLOYMENT, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED),
            new OwnershipClaimed(DEPLOYMENT, DEV, TrackingMethod.ANNOTATION, CREATED));
  }

  @Test
  void givenNothing_whenObjectFirstSeenWithoutTracking_thenAppearedOnly() {
    fixture
        .givenNoPriorActivity()
        .when(seen(CREATED).added().command())
        .expectEvents(
            new ResourceAppeared(
                DEPLOYMENT, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED));
  }

  @Test
  void givenOwnedObject_whenSameObjectSeenAgainLater_thenNoEvents() {
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(devDeployment(at("2026-11-16T10:30:00Z")).command())
        .expectNoEvents();
  }

  @Test
  void givenOwnedObject_whenOnlyResourceVersionMoved_thenNoEvents() {
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(devDeployment(at("2026-11-16T10:05:20Z")).resourceVersion("1017").command())
        .expectNoEvents();
  }

  @Test
  void givenOwnedObject_whenKubeControllerManagerWritesStatusOnly_thenNoEvents() {
    Instant statusAt = at("2026-11-16T10:05:40Z");
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(
            devDeployment(statusAt)
                .resourceVersion("1023")
                .managedFields(argoApply(CREATED), statusUpdate(statusAt))
                .command())
        .expectNoEvents();
  }

  @Test
  void givenObjectSeenAtSomeTime_whenAnOlderObservationArrives_thenNoEvents() {
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(
            devDeployment(at("2026-11-16T10:05:09Z"))
                .version("990", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(at("2026-11-16T10:05:09Z")))
                .command())
        .expectNoEvents();
  }

  @Test
  void givenOwnedObject_whenKubectlScalesIt_thenChangedAndLiveChangeDrift() {
    // Tue 11:00:00 someone runs `kubectl scale --replicas=3`; the Deployment controller updates
    // the status a second later, so the newest managedFields entry is a status write.
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    Instant seenAt = at("2026-11-17T11:00:02Z");
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(
            devDeployment(seenAt)
                .version("2051", 2, REPLICAS_3)
                .managedFields(
                    argoApply(CREATED),
                    kubectlScale(scaledAt),
                    statusUpdate(scaledAt.plusSeconds(1)))
                .command())
        .expectEvents(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_3,
                Map.of(),
                "kubectl",
                "Update",
                REPLICAS,
                scaledAt,
                seenAt),
            new DriftDetected(
                DEPLOYMENT,
                1,
                DEV,
                "",
                DriftEvidence.LIVE_CHANGE,
                "kubectl",
                REPLICAS,
                scaledAt,
                seenAt));
  }

  @Test
  void givenOwnedObject_whenArgoCdControllerChangesIt_thenChangedOnly() {
    Instant syncedAt = at("2026-11-17T09:00:03Z");
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(
            devDeployment(syncedAt)
                .version("1800", 2, REPLICAS_2)
                .managedFields(argoApply(syncedAt))
                .command())
        .expectEvents(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_2,
                Map.of(),
                "argocd-controller",
                "Apply",
                ARGO_FIELDS,
                syncedAt,
                syncedAt));
  }

  @Test
  void
      givenNothing_whenReferenceDeploymentWithManualApplyIsSeenThenChangedAgain_thenDriftNamesTheClientSideApply() {
    // reference/argo-cd/deployment-with-managedfields.yaml: Argo CD labels its objects with
    // applications.argoproj.io/app-name (label tracking); a person added a container with
    // `kubectl apply` (kubectl-client-side-apply), then the controller wrote the status.
    JournalPolicy labelTracking =
        new JournalPolicy(
            "argocd",
            TrackingMethod.LABEL,
            "applications.argoproj.io/app-name",
            Set.of("argocd-controller", "argocd", "argocd-application-controller"),
            Set.of("kube-controller-manager", "kube-scheduler", "kubelet"),
            5,
            Duration.ofMinutes(10),
            Duration.ofMinutes(9));
    FixtureConfiguration<TrackedResource> labelled =
        new AggregateTestFixture<>(TrackedResource.class);
    labelled.registerInjectableResource(labelTracking);
    ResourceKey key =
        ResourceKey.of("local", "apps", "Deployment", "default", "manual-apply-test-deployment");
    String uid = "c2ff066f-cbbd-408d-a015-85f1b6332193";
    Map<String, String> labels =
        Map.of("app", "manual-apply-app", "applications.argoproj.io/app-name", "manual-apply-app");
    ManagedFieldsEntry argo =
        new ManagedFieldsEntry(
            "argocd-controller",
            "Update",
            "",
            at("2025-02-25T01:19:32Z"),
            List.of("spec.replicas", "spec.template.spec.containers[name=main-container].image"));
    ManagedFieldsEntry manualApply =
        new ManagedFieldsEntry(
            "kubectl-client-side-apply",
            "Update",
            "",
            at("2025-02-25T01:29:34Z"),
            List.of(
                "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
                "spec.template.spec.containers[name=idle].image",
                "spec.template.spec.containers[name=idle].ports[containerPort=8080,protocol=TCP]"
                    + ".containerPort"));
    ManagedFieldsEntry status =
        new ManagedFieldsEntry(
            "kube-controller-manager",
            "Update",
            "status",
            at("2025-02-25T01:29:44Z"),
            List.of("status.availableReplicas", "status.observedGeneration"));
    Instant firstSeen = at("2025-02-25T01:20:00Z");
    Instant seenAt = at("2025-02-25T01:29:45Z");
    labelled
        .givenCommands(
            new ObserveResource(
                new ResourceObserved(
                    key,
                    firstSeen,
                    WatchAction.ADDED,
                    uid,
                    "46001",
                    3,
                    labels,
                    Map.of(),
                    List.of(argo),
                    "sha256:one-container")))
        .when(
            new ObserveResource(
                new ResourceObserved(
                    key,
                    seenAt,
                    WatchAction.MODIFIED,
                    uid,
                    "46835",
                    4,
                    labels,
                    Map.of(),
                    List.of(argo, manualApply, status),
                    "sha256:two-containers")))
        .expectEvents(
            new ResourceChanged(
                key,
                uid,
                4,
                "sha256:two-containers",
                Map.of(),
                "kubectl-client-side-apply",
                "Update",
                manualApply.fields(),
                manualApply.time(),
                seenAt),
            new DriftDetected(
                key,
                1,
                "argocd/manual-apply-app",
                "",
                DriftEvidence.LIVE_CHANGE,
                "kubectl-client-side-apply",
                manualApply.fields(),
                manualApply.time(),
                seenAt));
  }

  @Test
  void givenObjectNobodyOwns_whenKubectlChangesIt_thenChangedWithoutDrift() {
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    fixture
        .given(appeared())
        .when(
            seen(scaledAt)
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(scaledAt))
                .command())
        .expectEvents(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_3,
                Map.of(),
                "kubectl",
                "Update",
                REPLICAS,
                scaledAt,
                scaledAt));
  }

  @Test
  void givenObject_whenWatchSaysDeleted_thenResourceDeleted() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(devDeployment(deletedAt).deleted().command())
        .expectEvents(new ResourceDeleted(DEPLOYMENT, UID, deletedAt));
  }

  @Test
  void givenDeletedObject_whenDeletionDeliveredAgain_thenNoEvents() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    fixture
        .given(appeared(), claimedBy(DEV), new ResourceDeleted(DEPLOYMENT, UID, deletedAt))
        .when(devDeployment(deletedAt.plusSeconds(1)).deleted().command())
        .expectNoEvents();
  }

  @Test
  void givenDeletedObject_whenItComesBackWithNewUid_thenRecreatedByItsOwner() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    Instant recreatedAt = at("2026-11-17T14:00:03Z");
    fixture
        .given(appeared(), claimedBy(DEV), new ResourceDeleted(DEPLOYMENT, UID, deletedAt))
        .when(
            devDeployment(recreatedAt)
                .added()
                .uid("new-uid")
                .managedFields(argoApply(recreatedAt))
                .command())
        .expectEvents(
            new ResourceRecreated(
                DEPLOYMENT,
                UID,
                "new-uid",
                1,
                REPLICAS_1,
                Map.of(),
                DEV,
                "argocd-controller",
                recreatedAt));
  }

  // --- ownership from the tracking-id ---

  @Test
  void givenNothing_whenReferenceDeploymentWithSelfReferencingTrackingId_thenOwnedByGuestbook() {
    // reference/argo-cd/deployment-with-tracking-id.yaml, as the collector trims it. The newest
    // write to the object itself is janitor's server-side apply of an annotation.
    ResourceKey key =
        ResourceKey.of("local", "apps", "Deployment", "default", "kustomize-guestbook-ui");
    Instant seenAt = at("2022-01-06T18:30:00Z");
    fixture
        .givenNoPriorActivity()
        .when(guestbook(key, seenAt))
        .expectEvents(
            new ResourceAppeared(
                key,
                "ef253575-ce44-4c5e-84ad-16e81d0df6eb",
                119,
                "sha256:guestbook",
                Map.of(),
                "janitor",
                seenAt),
            new OwnershipClaimed(key, "argocd/guestbook", TrackingMethod.ANNOTATION, seenAt));
  }

  @Test
  void givenNothing_whenReferenceTrackingIdSitsOnAnObjectItDoesNotName_thenNoOwnership() {
    // The same manifest copied to another name keeps the tracking-id: Argo CD ignores it.
    ResourceKey copy =
        ResourceKey.of("local", "apps", "Deployment", "default", "kustomize-guestbook-ui-copy");
    Instant seenAt = at("2022-01-06T18:30:00Z");
    fixture
        .givenNoPriorActivity()
        .when(guestbook(copy, seenAt))
        .expectEvents(
            new ResourceAppeared(
                copy,
                "ef253575-ce44-4c5e-84ad-16e81d0df6eb",
                119,
                "sha256:guestbook",
                Map.of(),
                "janitor",
                seenAt));
  }

  @Test
  void givenNothing_whenTrackingIdNamesAnotherGroup_thenNoOwnership() {
    fixture
        .givenNoPriorActivity()
        .when(
            seen(CREATED)
                .added()
                .trackingId("ops-journal-dev:extensions/Deployment:ops-journal/ops-journal")
                .command())
        .expectEvents(
            new ResourceAppeared(
                DEPLOYMENT, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED));
  }

  @Test
  void givenNothing_whenCoreServiceCarriesTrackingIdWithEmptyGroup_thenOwned() {
    fixture
        .givenNoPriorActivity()
        .when(seen(CREATED).key(SERVICE).added().trackingId(DEV_SERVICE_TRACKING).command())
        .expectEvents(
            new ResourceAppeared(
                SERVICE, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED),
            new OwnershipClaimed(SERVICE, DEV, TrackingMethod.ANNOTATION, CREATED));
  }

  @Test
  void givenNothing_whenClusterScopedObjectCarriesTrackingIdWithEmptyNamespace_thenOwned() {
    ResourceKey clusterRole =
        ResourceKey.of("local", "rbac.authorization.k8s.io", "ClusterRole", "", "ops-journal-read");
    fixture
        .givenNoPriorActivity()
        .when(
            seen(CREATED)
                .key(clusterRole)
                .added()
                .trackingId(
                    "ops-journal-dev:rbac.authorization.k8s.io/ClusterRole:/ops-journal-read")
                .command())
        .expectEvents(
            new ResourceAppeared(
                clusterRole, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED),
            new OwnershipClaimed(clusterRole, DEV, TrackingMethod.ANNOTATION, CREATED));
  }

  @Test
  void
      givenNothing_whenTrackingIdNamesAnApplicationOutsideTheControlPlaneNamespace_thenOwnedByIt() {
    fixture
        .givenNoPriorActivity()
        .when(
            seen(CREATED)
                .added()
                .trackingId("team-a_ops-journal-dev:apps/Deployment:ops-journal/ops-journal")
                .command())
        .expectEvents(
            new ResourceAppeared(
                DEPLOYMENT, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED),
            new OwnershipClaimed(
                DEPLOYMENT, "team-a/ops-journal-dev", TrackingMethod.ANNOTATION, CREATED));
  }

  @Test
  void givenNothing_whenReferenceChildApplicationCarriesAppOfAppsTrackingId_thenOwnedByParent() {
    // reference/argo-cd/child-application-with-tracking-id.yaml
    ResourceKey child = ResourceKey.application("local", "argocd", "argo-workflows");
    fixture
        .givenNoPriorActivity()
        .when(
            seen(CREATED)
                .key(child)
                .added()
                .trackingId("app-of-apps:argoproj.io/Application:argocd/argo-workflows")
                .command())
        .expectEvents(
            new ResourceAppeared(child, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED),
            new OwnershipClaimed(child, "argocd/app-of-apps", TrackingMethod.ANNOTATION, CREATED));
  }

  @Test
  void
      givenOwnedObject_whenTrackingMovesToAnApplicationThePreviousOwnerDoesNotDeclare_thenTransferOnly() {
    Instant at = at("2026-11-18T09:05:00Z");
    fixture
        .given(appeared(), claimedBy(DEV))
        .when(devDeployment(at).trackingId(STAGING_TRACKING).command())
        .expectEvents(
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at));
  }

  // --- conflicts and reconciliation loops (Wed 09:05 onward) ---

  @Test
  void
      givenOwnerStillDeclaresIt_whenTrackingFlipsToAnotherApplication_thenTransferConflictAndFirstFlip() {
    // ConflictFlipped counts every move of the tracking in a conflict, the takeover included
    Instant at = FLIPS.get(0);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .when(flipTo(STAGING, at, 2))
        .expectEvents(
            changedBySync(2, REPLICAS_2, at),
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at),
            new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), STAGING, at),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 1, at));
  }

  @Test
  void givenConflictStartedByATakeover_whenTrackingFlipsBack_thenSecondFlip() {
    Instant at = FLIPS.get(1);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(flips(1))
        .when(flipTo(DEV, at, 3))
        .expectEvents(
            changedBySync(3, REPLICAS_1, at),
            new OwnershipTransferred(DEPLOYMENT, STAGING, DEV, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, STAGING, DEV, 2, at));
  }

  @Test
  void givenConflictStartedByASecondDeclaration_whenTrackingMoves_thenFirstFlip() {
    Instant declared = at("2026-11-18T09:05:00Z");
    Instant at = at("2026-11-18T09:05:01Z");
    fixture
        .given(
            appeared(),
            claimedBy(DEV),
            declaredBy(DEV),
            new ResourceDeclared(DEPLOYMENT, STAGING, declared),
            new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), DEV, declared))
        .when(flipTo(STAGING, at, 2))
        .expectEvents(
            changedBySync(2, REPLICAS_2, at),
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 1, at));
  }

  @Test
  void givenFourFlips_whenFifthFlipWithinTheWindow_thenCountedButNoLoopYet() {
    Instant at = FLIPS.get(4);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(flips(4))
        .when(flipTo(STAGING, at, 6))
        .expectEvents(
            changedBySync(6, REPLICAS_2, at),
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 5, at));
  }

  @Test
  void givenFiveFlips_whenSixthFlipWithinTenMinutes_thenReconciliationLoopDetected() {
    Instant at = FLIPS.get(5);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(flips(5))
        .when(flipTo(DEV, at, 7))
        .expectEvents(
            changedBySync(7, REPLICAS_1, at),
            new OwnershipTransferred(DEPLOYMENT, STAGING, DEV, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, STAGING, DEV, 6, at),
            new ReconciliationLoopDetected(
                DEPLOYMENT, 1, List.of(DEV, STAGING), 6, Duration.ofMinutes(10), at));
  }

  @Test
  void givenLoopAlreadyDetected_whenApplicationsKeepFlippingFast_thenNoSecondLoop() {
    // flips 7..12 five seconds apart: far more than five within ten minutes
    List<Object> flipsAfterLoop = new ArrayList<>(flips(6));
    Instant t = FLIPS.get(5);
    for (int i = 6; i < 12; i++) {
      t = t.plusSeconds(5);
      flipsAfterLoop.add(flipTo(i % 2 == 0 ? STAGING : DEV, t, i + 2));
    }
    Instant at = t.plusSeconds(5);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(flipsAfterLoop)
        .when(flipTo(STAGING, at, 14))
        .expectEvents(
            changedBySync(14, REPLICAS_2, at),
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 13, at));
  }

  @Test
  void
      givenFlipsThreeMinutesApart_whenEleventhFlip_thenNoLoopBecauseWindowNeverHoldsMoreThanFive() {
    List<Object> slowFlips = new ArrayList<>();
    Instant start = at("2026-11-18T09:05:00Z");
    slowFlips.add(flipTo(STAGING, start, 2));
    for (int k = 1; k <= 9; k++) {
      slowFlips.add(
          flipTo(k % 2 == 1 ? DEV : STAGING, start.plus(Duration.ofMinutes(3L * k)), k + 2));
    }
    Instant at = start.plus(Duration.ofMinutes(30));
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(slowFlips)
        .when(flipTo(STAGING, at, 12))
        .expectEvents(
            changedBySync(12, REPLICAS_2, at),
            new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, at),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 11, at));
  }

  @Test
  void
      givenOneDeclaringApplication_whenSecondApplicationDeclaresIt_thenDeclaredAndConflictStarted() {
    Instant at = at("2026-11-18T09:05:01Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .when(new ObserveDeclaration(DEPLOYMENT, STAGING, "", "Synced", C2, false, FIRST_SYNC, at))
        .expectEvents(
            new ResourceDeclared(DEPLOYMENT, STAGING, at),
            new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), DEV, at));
  }

  @Test
  void givenConflictBetweenTwo_whenOneStopsDeclaringIt_thenUndeclaredAndConflictEnded() {
    Instant started = at("2026-11-18T09:05:01Z");
    Instant at = at("2026-11-20T16:00:00Z");
    fixture
        .given(
            appeared(),
            claimedBy(DEV),
            declaredBy(DEV),
            new ResourceDeclared(DEPLOYMENT, STAGING, started),
            new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), DEV, started))
        .when(new ObserveDeclaration(DEPLOYMENT, STAGING, "Synced", "", C2, false, null, at))
        .expectEvents(
            new ResourceUndeclared(DEPLOYMENT, STAGING, at),
            new ConflictEnded(DEPLOYMENT, 1, DEV, 0, Duration.between(started, at), at));
  }

  // --- drift reported by the owning Application, and its correction ---

  @Test
  void
      givenEarlierOutsideWriteToObjectDeclaredByOneApplication_whenItGoesOutOfSync_thenDriftNamesTheWriter() {
    // No tracking-id, one declaring Application: it owns the object by declaration. The
    // kubectl-edit write was no live-change drift (no owner by tracking) but is remembered.
    Instant editedAt = at("2026-11-17T11:00:00Z");
    Instant verdictAt = at("2026-11-17T11:00:05Z");
    fixture
        .given(
            appeared(),
            declaredBy(DEV),
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_3,
                Map.of(),
                "kubectl-edit",
                "Update",
                REPLICAS,
                editedAt,
                editedAt.plusSeconds(1)))
        .when(outOfSync(DEPLOYMENT, DEV, verdictAt))
        .expectEvents(
            new DriftDetected(
                DEPLOYMENT,
                1,
                DEV,
                C2,
                DriftEvidence.OUT_OF_SYNC,
                "kubectl-edit",
                REPLICAS,
                editedAt,
                verdictAt));
  }

  @Test
  void
      givenOwnerLostItsTrackingToAKubectlReplace_whenOwnerReportsOutOfSync_thenDriftNamesTheReplace() {
    Instant replacedAt = at("2026-11-17T11:00:00Z");
    Instant seenAt = at("2026-11-17T11:00:01Z");
    Instant verdictAt = at("2026-11-17T11:00:05Z");
    ManagedFieldsEntry replace =
        new ManagedFieldsEntry("kubectl-replace", "Update", "", replacedAt, REPLICAS);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(
            seen(seenAt)
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), replace)
                .command())
        .when(outOfSync(DEPLOYMENT, DEV, verdictAt))
        .expectEvents(
            new DriftDetected(
                DEPLOYMENT,
                1,
                DEV,
                C2,
                DriftEvidence.OUT_OF_SYNC,
                "kubectl-replace",
                REPLICAS,
                replacedAt,
                verdictAt));
  }

  @Test
  void givenOwnedObject_whenOwnerGoesOutOfSyncBecauseItsRevisionMoved_thenNoDrift() {
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .when(
            new ObserveDeclaration(
                DEPLOYMENT,
                DEV,
                "Synced",
                "OutOfSync",
                C4,
                true,
                FIRST_SYNC,
                at("2026-11-19T09:00:30Z")))
        .expectNoEvents();
  }

  @Test
  void givenOpenDrift_whenAutomatedSyncFinishedAfterItAndOwnerIsSynced_thenCorrectedBySelfHeal() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    Instant at = at("2026-11-17T11:00:04Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(synced(DEPLOYMENT, DEV, selfHeal(at), at))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT,
                1,
                DEV,
                Correction.SELF_HEAL,
                "automated",
                C2,
                Duration.ofSeconds(4),
                at));
  }

  @Test
  void givenOpenDrift_whenAPersonSyncedIt_thenCorrectedByManualSync() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    Instant at = at("2026-11-17T11:07:30Z");
    LastSync alice = new LastSync(C2, "Succeeded", "alice", false, false, at.minusSeconds(2));
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(synced(DEPLOYMENT, DEV, alice, at))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT,
                1,
                DEV,
                Correction.MANUAL_SYNC,
                "alice",
                C2,
                Duration.ofSeconds(450),
                at));
  }

  @Test
  void givenOpenDrift_whenSyncedAtANewRevision_thenSupersededByNewRevision() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    Instant at = at("2026-11-17T11:03:00Z");
    LastSync deploy = new LastSync(C4, "Succeeded", "automated", true, false, at);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(new ObserveDeclaration(DEPLOYMENT, DEV, "OutOfSync", "Synced", C4, true, deploy, at))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT,
                1,
                DEV,
                Correction.NEW_REVISION,
                "automated",
                C4,
                Duration.ofMinutes(3),
                at));
  }

  @Test
  void
      givenOpenDriftAtC2_whenSyncedLaterAtC4WithRevisionAlreadyMoved_thenSupersededByNewRevision() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    Instant at = at("2026-11-17T11:05:00Z");
    LastSync deploy = new LastSync(C4, "Succeeded", "bob", false, false, at);
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(new ObserveDeclaration(DEPLOYMENT, DEV, "OutOfSync", "Synced", C4, false, deploy, at))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT, 1, DEV, Correction.NEW_REVISION, "bob", C4, Duration.ofMinutes(5), at));
  }

  @Test
  void givenOpenDrift_whenSyncedWithoutAnySyncSinceItStarted_thenReverted() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    Instant at = at("2026-11-17T11:02:00Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(synced(DEPLOYMENT, DEV, FIRST_SYNC, at))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT, 1, DEV, Correction.REVERTED, "", C2, Duration.ofMinutes(2), at));
  }

  @Test
  void givenOwnedServiceDeleted_whenOwnerReportsOutOfSync_thenDeletionDriftFromTheDeletion() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    Instant verdictAt = at("2026-11-17T14:00:01Z");
    fixture
        .given(
            serviceAppeared(),
            new OwnershipClaimed(SERVICE, DEV, TrackingMethod.ANNOTATION, CREATED),
            new ResourceDeclared(SERVICE, DEV, CREATED),
            new ResourceDeleted(SERVICE, UID, deletedAt))
        .when(outOfSync(SERVICE, DEV, verdictAt))
        .expectEvents(
            new DriftDetected(
                SERVICE,
                1,
                DEV,
                C2,
                DriftEvidence.DELETION,
                DriftDetected.UNKNOWN_ACTOR,
                List.of(),
                deletedAt,
                verdictAt));
  }

  @Test
  void
      givenServiceDeletedAndReportedMissing_whenSelfHealRecreatesItAndOwnerIsSynced_thenCorrectedAfterThreeSeconds() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    Instant recreatedAt = at("2026-11-17T14:00:03Z");
    fixture
        .givenCommands(
            seen(CREATED).key(SERVICE).added().trackingId(DEV_SERVICE_TRACKING).command(),
            new ObserveDeclaration(SERVICE, DEV, "", "Synced", C2, false, FIRST_SYNC, CREATED),
            seen(deletedAt).key(SERVICE).deleted().trackingId(DEV_SERVICE_TRACKING).command(),
            outOfSync(SERVICE, DEV, at("2026-11-17T14:00:01Z")),
            seen(recreatedAt)
                .key(SERVICE)
                .added()
                .uid("new-uid")
                .trackingId(DEV_SERVICE_TRACKING)
                .managedFields(argoApply(recreatedAt))
                .command())
        .when(synced(SERVICE, DEV, selfHeal(recreatedAt), recreatedAt))
        .expectEvents(
            new DriftCorrected(
                SERVICE,
                1,
                DEV,
                Correction.SELF_HEAL,
                "automated",
                C2,
                Duration.ofSeconds(3),
                recreatedAt));
  }

  @Test
  void
      givenOwnerReportedOutOfSyncBeforeTheWriteArrived_whenTheEarlierWriteIsProcessed_thenDriftAttributed() {
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    Instant seenAt = at("2026-11-17T11:00:01Z");
    Instant verdictAt = at("2026-11-17T11:00:02Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(outOfSync(DEPLOYMENT, DEV, verdictAt))
        .when(
            devDeployment(seenAt)
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(scaledAt))
                .command())
        .expectEvents(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_3,
                Map.of(),
                "kubectl",
                "Update",
                REPLICAS,
                scaledAt,
                seenAt),
            new DriftAttributed(
                DEPLOYMENT, 1, DriftEvidence.LIVE_CHANGE, "kubectl", REPLICAS, scaledAt, seenAt));
  }

  @Test
  void
      givenOwnerReportedOutOfSyncBeforeTheWriteArrived_whenVerdictIsProcessed_thenDriftDetectedWithUnknownActor() {
    Instant verdictAt = at("2026-11-17T11:00:02Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .when(outOfSync(DEPLOYMENT, DEV, verdictAt))
        .expectEvents(
            new DriftDetected(
                DEPLOYMENT,
                1,
                DEV,
                C2,
                DriftEvidence.OUT_OF_SYNC,
                DriftDetected.UNKNOWN_ACTOR,
                List.of(),
                verdictAt,
                verdictAt));
  }

  @Test
  void givenDriftAttributedToAnEarlierWrite_whenSelfHealed_thenDurationRunsFromTheWrite() {
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    Instant healedAt = at("2026-11-17T11:00:04Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(
            outOfSync(DEPLOYMENT, DEV, at("2026-11-17T11:00:02Z")),
            devDeployment(at("2026-11-17T11:00:01Z"))
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(scaledAt))
                .command())
        .when(synced(DEPLOYMENT, DEV, selfHeal(healedAt), healedAt))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT,
                1,
                DEV,
                Correction.SELF_HEAL,
                "automated",
                C2,
                Duration.ofSeconds(4),
                healedAt));
  }

  /**
   * Same facts as the test above, but the Deployment's partition lags more: both verdicts (out of
   * sync, then self-healed) are processed before the kubectl write. The class promises decisions on
   * observation times, never arrival order, so the write must still be attributed.
   */
  @Test
  void
      givenDriftDetectedAndSelfHealedBeforeTheWriteArrived_whenTheEarlierWriteIsProcessed_thenDriftStillAttributed() {
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    Instant seenAt = at("2026-11-17T11:00:01Z");
    Instant healedAt = at("2026-11-17T11:00:04Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .andGivenCommands(
            outOfSync(DEPLOYMENT, DEV, at("2026-11-17T11:00:02Z")),
            synced(DEPLOYMENT, DEV, selfHeal(healedAt), healedAt))
        .when(
            devDeployment(seenAt)
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(scaledAt))
                .command())
        .expectEvents(
            new ResourceChanged(
                DEPLOYMENT,
                UID,
                2,
                REPLICAS_3,
                Map.of(),
                "kubectl",
                "Update",
                REPLICAS,
                scaledAt,
                seenAt),
            new DriftAttributed(
                DEPLOYMENT, 1, DriftEvidence.LIVE_CHANGE, "kubectl", REPLICAS, scaledAt, seenAt));
  }

  /**
   * Tue 14:00 with the Application's partition ahead: the Missing verdict is processed before the
   * deletion it reports. The week's journal must still say the drift lasted 3 s, from the deletion
   * at 14:00:00 to the self-heal at 14:00:03, whichever observation arrived first.
   */
  @Test
  void
      givenMissingVerdictProcessedBeforeTheDeletion_whenSelfHealRecreatesTheService_thenCorrectedAfterThreeSeconds() {
    Instant deletedAt = at("2026-11-17T14:00:00Z");
    Instant recreatedAt = at("2026-11-17T14:00:03Z");
    fixture
        .givenCommands(
            seen(CREATED).key(SERVICE).added().trackingId(DEV_SERVICE_TRACKING).command(),
            new ObserveDeclaration(SERVICE, DEV, "", "Synced", C2, false, FIRST_SYNC, CREATED),
            outOfSync(SERVICE, DEV, at("2026-11-17T14:00:01Z")),
            seen(deletedAt).key(SERVICE).deleted().trackingId(DEV_SERVICE_TRACKING).command(),
            seen(recreatedAt)
                .key(SERVICE)
                .added()
                .uid("new-uid")
                .trackingId(DEV_SERVICE_TRACKING)
                .managedFields(argoApply(recreatedAt))
                .command())
        .when(synced(SERVICE, DEV, selfHeal(recreatedAt), recreatedAt))
        .expectEvents(
            new DriftCorrected(
                SERVICE,
                1,
                DEV,
                Correction.SELF_HEAL,
                "automated",
                C2,
                Duration.ofSeconds(3),
                recreatedAt));
  }

  @Test
  void givenConflict_whenTheApplicationNotHoldingTheObjectReportsOutOfSync_thenNoDrift() {
    Instant started = at("2026-11-18T09:05:00Z");
    fixture
        .given(
            appeared(),
            claimedBy(DEV),
            declaredBy(DEV),
            new ResourceDeclared(DEPLOYMENT, STAGING, started),
            new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), DEV, started),
            new OwnershipTransferred(
                DEPLOYMENT, DEV, STAGING, TrackingMethod.ANNOTATION, started.plusSeconds(1)),
            new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 1, started.plusSeconds(1)))
        .when(outOfSync(DEPLOYMENT, DEV, at("2026-11-18T09:05:03Z")))
        .expectNoEvents();
  }

  @Test
  void givenDeclaredAndSynced_whenTheSameDeclarationIsDeliveredAgain_thenNoEvents() {
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV))
        .when(
            new ObserveDeclaration(
                DEPLOYMENT, DEV, "", "Synced", C2, false, FIRST_SYNC, CREATED.plusSeconds(1)))
        .expectNoEvents();
  }

  @Test
  void givenOpenDrift_whenTheSameOutOfSyncVerdictIsDeliveredAgain_thenNoEvents() {
    Instant startedAt = at("2026-11-17T11:00:00Z");
    fixture
        .given(appeared(), claimedBy(DEV), declaredBy(DEV), outOfSyncDrift(startedAt))
        .when(outOfSync(DEPLOYMENT, DEV, at("2026-11-17T11:00:02Z")))
        .expectNoEvents();
  }

  @Test
  void
      givenWeekTwoTuesday_whenSelfHealPutsReplicasBack_thenDriftByKubectlCorrectedAfterFourSeconds() {
    // The whole Tue 11:00 story through commands, in the order the journal would see it.
    Instant scaledAt = at("2026-11-17T11:00:00Z");
    Instant healedAt = at("2026-11-17T11:00:04Z");
    fixture
        .givenCommands(
            devDeployment(CREATED).added().command(),
            new ObserveDeclaration(DEPLOYMENT, DEV, "", "Synced", C2, false, FIRST_SYNC, CREATED),
            devDeployment(at("2026-11-17T11:00:01Z"))
                .version("2051", 2, REPLICAS_3)
                .managedFields(argoApply(CREATED), kubectlScale(scaledAt))
                .command(),
            outOfSync(DEPLOYMENT, DEV, at("2026-11-17T11:00:02Z")),
            devDeployment(healedAt)
                .version("2060", 3, REPLICAS_1)
                .managedFields(kubectlScale(scaledAt), argoApply(healedAt))
                .command())
        .when(synced(DEPLOYMENT, DEV, selfHeal(healedAt), healedAt))
        .expectEvents(
            new DriftCorrected(
                DEPLOYMENT,
                1,
                DEV,
                Correction.SELF_HEAL,
                "automated",
                C2,
                Duration.ofSeconds(4),
                healedAt));
  }

  // --- inputs ---

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static ResourceAppeared appeared() {
    return new ResourceAppeared(
        DEPLOYMENT, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED);
  }

  private static ResourceAppeared serviceAppeared() {
    return new ResourceAppeared(
        SERVICE, UID, 1, REPLICAS_1, Map.of(), "argocd-controller", CREATED);
  }

  private static OwnershipClaimed claimedBy(String application) {
    return new OwnershipClaimed(DEPLOYMENT, application, TrackingMethod.ANNOTATION, CREATED);
  }

  private static ResourceDeclared declaredBy(String application) {
    return new ResourceDeclared(DEPLOYMENT, application, CREATED);
  }

  private static DriftDetected outOfSyncDrift(Instant startedAt) {
    return new DriftDetected(
        DEPLOYMENT,
        1,
        DEV,
        C2,
        DriftEvidence.OUT_OF_SYNC,
        "kubectl",
        REPLICAS,
        startedAt,
        startedAt.plusSeconds(2));
  }

  private static ResourceChanged changedBySync(long generation, String fingerprint, Instant at) {
    return new ResourceChanged(
        DEPLOYMENT,
        UID,
        generation,
        fingerprint,
        Map.of(),
        "argocd-controller",
        "Apply",
        ARGO_FIELDS,
        at,
        at);
  }

  private static LastSync selfHeal(Instant finishedAt) {
    return new LastSync(C2, "Succeeded", "automated", true, true, finishedAt);
  }

  private static ObserveDeclaration outOfSync(ResourceKey resource, String app, Instant at) {
    return new ObserveDeclaration(resource, app, "Synced", "OutOfSync", C2, false, FIRST_SYNC, at);
  }

  private static ObserveDeclaration synced(
      ResourceKey resource, String app, LastSync lastSync, Instant at) {
    return new ObserveDeclaration(resource, app, "OutOfSync", "Synced", C2, false, lastSync, at);
  }

  /**
   * The fight of Wed 09:05: staging takes the Deployment at 09:05:00 (flip 1, index 0), then dev
   * and staging alternate with Argo CD's self-heal backoff (2 s, 6 s, 18 s, 54 s, 162 s, 300 s).
   */
  private static final List<Instant> FLIPS =
      List.of(
          Instant.parse("2026-11-18T09:05:00Z"),
          Instant.parse("2026-11-18T09:05:02Z"),
          Instant.parse("2026-11-18T09:05:08Z"),
          Instant.parse("2026-11-18T09:05:26Z"),
          Instant.parse("2026-11-18T09:06:20Z"),
          Instant.parse("2026-11-18T09:09:02Z"),
          Instant.parse("2026-11-18T09:14:02Z"),
          Instant.parse("2026-11-18T09:19:02Z"));

  /** The observations of the first {@code count} flips, the takeover first. */
  private static List<Object> flips(int count) {
    List<Object> commands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      commands.add(flipTo(i % 2 == 0 ? STAGING : DEV, FLIPS.get(i), i + 2));
    }
    return commands;
  }

  /** An Application's sync rewrote the tracking-id (and replicas: dev 1, staging 2). */
  private static ObserveResource flipTo(String application, Instant at, long generation) {
    boolean dev = application.equals(DEV);
    return seen(at)
        .trackingId(dev ? DEV_TRACKING : STAGING_TRACKING)
        .version(String.valueOf(3000 + generation), generation, dev ? REPLICAS_1 : REPLICAS_2)
        .managedFields(argoApply(at))
        .command();
  }

  private static ObserveResource guestbook(ResourceKey key, Instant seenAt) {
    ManagedFieldsEntry janitor =
        new ManagedFieldsEntry(
            "janitor",
            "Apply",
            "",
            at("2022-01-06T18:21:04Z"),
            List.of("metadata.annotations.iksm-version"));
    ManagedFieldsEntry argocd =
        new ManagedFieldsEntry(
            "argocd",
            "Update",
            "",
            at("2022-01-06T15:04:15Z"),
            List.of(
                "metadata.annotations.argocd.argoproj.io/tracking-id",
                "spec.replicas",
                "spec.template.spec.containers[name=guestbook-ui].image"));
    ManagedFieldsEntry controller =
        new ManagedFieldsEntry(
            "kube-controller-manager",
            "Update",
            "",
            at("2022-01-06T18:15:14Z"),
            List.of("metadata.annotations.deployment.kubernetes.io/revision", "status.replicas"));
    return new ObserveResource(
        new ResourceObserved(
            key,
            seenAt,
            WatchAction.ADDED,
            "ef253575-ce44-4c5e-84ad-16e81d0df6eb",
            "8289211",
            119,
            Map.of(),
            Map.of(
                JournalPolicy.TRACKING_ID,
                "guestbook:apps/Deployment:default/kustomize-guestbook-ui"),
            List.of(janitor, argocd, controller),
            "sha256:guestbook"));
  }

  private static ManagedFieldsEntry argoApply(Instant time) {
    return new ManagedFieldsEntry("argocd-controller", "Apply", "", time, ARGO_FIELDS);
  }

  /** {@code kubectl scale}: manager kubectl on the scale subresource. */
  private static ManagedFieldsEntry kubectlScale(Instant time) {
    return new ManagedFieldsEntry("kubectl", "Update", "scale", time, REPLICAS);
  }

  private static ManagedFieldsEntry statusUpdate(Instant time) {
    return new ManagedFieldsEntry(
        "kube-controller-manager",
        "Update",
        "status",
        time,
        List.of("status.availableReplicas", "status.observedGeneration", "status.replicas"));
  }

  private static Seen devDeployment(Instant at) {
    return seen(at).trackingId(DEV_TRACKING);
  }

  private static Seen seen(Instant at) {
    return new Seen(at);
  }

  /** A watch observation, by default the Deployment as ops-journal-dev's first sync left it. */
  private static final class Seen {
    private final Instant at;
    private ResourceKey key = DEPLOYMENT;
    private WatchAction action = WatchAction.MODIFIED;
    private String uid = UID;
    private String resourceVersion = "1000";
    private long generation = 1;
    private String fingerprint = REPLICAS_1;
    private Map<String, String> annotations = Map.of();
    private List<ManagedFieldsEntry> managedFields = List.of(argoApply(CREATED));

    private Seen(Instant at) {
      this.at = at;
    }

    Seen key(ResourceKey key) {
      this.key = key;
      return this;
    }

    Seen added() {
      action = WatchAction.ADDED;
      return this;
    }

    Seen deleted() {
      action = WatchAction.DELETED;
      return this;
    }

    Seen uid(String uid) {
      this.uid = uid;
      return this;
    }

    Seen resourceVersion(String resourceVersion) {
      this.resourceVersion = resourceVersion;
      return this;
    }

    Seen version(String resourceVersion, long generation, String fingerprint) {
      this.resourceVersion = resourceVersion;
      this.generation = generation;
      this.fingerprint = fingerprint;
      return this;
    }

    Seen trackingId(String trackingId) {
      annotations = Map.of(JournalPolicy.TRACKING_ID, trackingId);
      return this;
    }

    Seen managedFields(ManagedFieldsEntry... entries) {
      managedFields = List.of(entries);
      return this;
    }

    ObserveResource command() {
      return new ObserveResource(
          new ResourceObserved(
              key,
              at,
              action,
              uid,
              resourceVersion,
              generation,
              Map.of(),
              annotations,
              managedFields,
              fingerprint));
    }
  }
}
