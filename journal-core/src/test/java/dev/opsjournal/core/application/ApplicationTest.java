package dev.opsjournal.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.HistoryEntry;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.ApplicationObserved.SyncResult;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Application's story from successive snapshots: the reference Application of {@code
 * reference/argo-cd/application-with-status.yaml}, and {@code ops-journal-dev} of {@code
 * scenarios/week-02.md}.
 */
class ApplicationTest {

  private static final ResourceKey DEV_APP =
      ResourceKey.application("local", "argocd", "ops-journal-dev");
  private static final String DEV_UID = "0b6e3a52-9c1d-4f7e-8a20-5d4c3b2a1f00";
  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final ResourceKey SERVICE =
      ResourceKey.of("local", "", "Service", "ops-journal", "ops-journal");

  private static final String REPO = "https://git.example.com/team/platform.git";
  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final String C3 = "3a1f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29";
  private static final String ALL_TASKS_RUN = "successfully synced (all tasks run)";

  private static final Spec DEV_SPEC =
      new Spec(
          "default",
          REPO,
          "apps/ops-journal/overlays/dev",
          "HEAD",
          "",
          "https://kubernetes.default.svc",
          "in-cluster",
          "ops-journal",
          true,
          true,
          true);
  private static final ApplicationSource DEV_SOURCE =
      new ApplicationSource(
          REPO,
          "apps/ops-journal/overlays/dev",
          "HEAD",
          "",
          "https://kubernetes.default.svc",
          "in-cluster",
          "ops-journal",
          "default");

  /** Mon 10:05: the automated sync to c2 that created the Deployment and the Service. */
  private static final Instant FIRST_SYNC_STARTED = Instant.parse("2026-11-16T10:05:05Z");

  private static final Instant FIRST_SYNC_FINISHED = Instant.parse("2026-11-16T10:05:08Z");
  private static final Instant SYNCED_SEEN = Instant.parse("2026-11-16T10:05:10Z");
  private static final Operation FIRST_SYNC =
      new Operation(
          "Succeeded",
          ALL_TASKS_RUN,
          C2,
          new Initiator("", true),
          List.of(),
          FIRST_SYNC_STARTED,
          FIRST_SYNC_FINISHED,
          List.of(
              new SyncResult(
                  "",
                  "Service",
                  "ops-journal",
                  "ops-journal",
                  "Synced",
                  "service/ops-journal created"),
              new SyncResult(
                  "apps",
                  "Deployment",
                  "ops-journal",
                  "ops-journal",
                  "Synced",
                  "deployment.apps/ops-journal created")));
  private static final LastSync FIRST_LAST_SYNC =
      new LastSync(C2, "Succeeded", "automated", true, false, FIRST_SYNC_FINISHED);

  private FixtureConfiguration<Application> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Application.class);
  }

  // --- the reference Application ---

  private static final ResourceKey VELERO =
      ResourceKey.application("local", "argo-cd", "velero-test");
  private static final String VELERO_UID = "94978696-4fd4-40b3-a1de-38d9df9e9316";
  private static final String EA87 = "ea8759964626a583667a2bfd08f334ec2070040a";
  private static final String VELERO_CLUSTER = "gke-alpha-01-europe-west1";
  private static final Instant VELERO_SEEN = Instant.parse("2024-03-05T07:33:05Z");
  private static final Instant VELERO_SYNC_STARTED = Instant.parse("2024-03-05T07:33:03Z");
  private static final Instant VELERO_SYNC_FINISHED = Instant.parse("2024-03-05T07:33:04Z");

  @Test
  void
      givenNothing_whenReferenceApplicationWithStatusIsSeen_thenRegisteredWithItsManualSyncStatusHealthAndResources() {
    ApplicationObserved reference = referenceApplication(VELERO_SEEN);
    assertThat(reference.status().history())
        .extracting(HistoryEntry::id)
        .containsExactly(14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L);
    assertThat(reference.status().conditions()).isEmpty();

    LastSync manualSync =
        new LastSync(EA87, "Succeeded", "foo@example.com", false, false, VELERO_SYNC_FINISHED);
    fixture
        .givenNoPriorActivity()
        .when(new ObserveApplication(reference))
        .expectEvents(
            new ApplicationRegistered(
                VELERO,
                VELERO_UID,
                new ApplicationSource(
                    "https://github.com/foo/manifests-velero.git",
                    "instances/test",
                    "test-lla",
                    "",
                    "",
                    VELERO_CLUSTER,
                    "test-lla",
                    "sre"),
                new SyncPolicy(false, false, false),
                VELERO_SEEN),
            new SyncStarted(
                VELERO,
                "2024-03-05T07:33:03Z",
                EA87,
                "foo@example.com",
                false,
                List.of(),
                VELERO_SYNC_STARTED,
                VELERO_SEEN),
            new SyncCompleted(
                VELERO,
                "2024-03-05T07:33:03Z",
                "Succeeded",
                EA87,
                "foo@example.com",
                false,
                false,
                ALL_TASKS_RUN,
                List.of(
                    new SyncCompleted.ResourceResult(
                        "",
                        "Service",
                        "test-lla",
                        "test-lla",
                        "Synced",
                        "service/test-lla serverside-applied"),
                    new SyncCompleted.ResourceResult(
                        "apps",
                        "Deployment",
                        "test-lla",
                        "test-lla",
                        "Synced",
                        "deployment.apps/test-lla serverside-applied")),
                VELERO_SYNC_STARTED,
                VELERO_SYNC_FINISHED,
                VELERO_SEEN),
            new SyncStatusChanged(VELERO, "", "Synced", "", "rev1", VELERO_SEEN),
            new HealthChanged(VELERO, "", "Healthy", VELERO_SEEN),
            new ResourceStatusReported(
                VELERO,
                ResourceKey.of(VELERO_CLUSTER, "", "Service", "test-lla", "test-lla"),
                "",
                "Synced",
                "rev1",
                false,
                manualSync,
                VELERO_SEEN),
            new ResourceStatusReported(
                VELERO,
                ResourceKey.of(VELERO_CLUSTER, "apps", "Deployment", "test-lla", "test-lla"),
                "",
                "Synced",
                "rev1",
                false,
                manualSync,
                VELERO_SEEN));
  }

  @Test
  void givenReferenceApplicationSeen_whenTheSameSnapshotIsSeenAgain_thenNoEvents() {
    fixture
        .givenCommands(new ObserveApplication(referenceApplication(VELERO_SEEN)))
        .when(new ObserveApplication(referenceApplication(VELERO_SEEN.plusSeconds(180))))
        .expectNoEvents();
  }

  // --- ops-journal-dev through week 02 ---

  @Test
  void
      givenNothing_whenNewInClusterApplicationIsSeenBeforeItsFirstSync_thenRegisteredAndResourcesKeyedByTheConfiguredCluster() {
    Instant at = Instant.parse("2026-11-16T10:05:01Z");
    fixture
        .givenNoPriorActivity()
        .when(
            dev(at)
                .sync("OutOfSync", C2)
                .health("Missing")
                .resources(
                    declared("apps", "Deployment", "OutOfSync"),
                    declared(null, "Service", "OutOfSync"))
                .command())
        .expectEvents(
            new ApplicationRegistered(
                DEV_APP, DEV_UID, DEV_SOURCE, new SyncPolicy(true, true, true), at),
            new SyncStatusChanged(DEV_APP, "", "OutOfSync", "", C2, at),
            new HealthChanged(DEV_APP, "", "Missing", at),
            new ResourceStatusReported(DEV_APP, DEPLOYMENT, "", "OutOfSync", C2, false, null, at),
            new ResourceStatusReported(DEV_APP, SERVICE, "", "OutOfSync", C2, false, null, at));
  }

  @Test
  void givenSyncedApplication_whenANewOperationIsRunning_thenSyncStartedOnly() {
    Instant started = Instant.parse("2026-11-17T09:00:00Z");
    Instant at = Instant.parse("2026-11-17T09:00:01Z");
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(synced(at).operation(aliceSync("Running", started, null)).command())
        .expectEvents(
            new SyncStarted(
                DEV_APP, started.toString(), C2, "alice", false, List.of(), started, at));
  }

  @Test
  void givenRunningOperation_whenItSucceeds_thenSyncCompletedOnly() {
    Instant started = Instant.parse("2026-11-17T09:00:00Z");
    Instant finished = Instant.parse("2026-11-17T09:00:02Z");
    Instant at = Instant.parse("2026-11-17T09:00:03Z");
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            synced(started.plusSeconds(1)).operation(aliceSync("Running", started, null)).command())
        .when(synced(at).operation(aliceSync("Succeeded", started, finished)).command())
        .expectEvents(
            new SyncCompleted(
                DEV_APP,
                started.toString(),
                "Succeeded",
                C2,
                "alice",
                false,
                false,
                ALL_TASKS_RUN,
                List.of(
                    new SyncCompleted.ResourceResult(
                        "apps",
                        "Deployment",
                        "ops-journal",
                        "ops-journal",
                        "Synced",
                        "deployment.apps/ops-journal serverside-applied")),
                started,
                finished,
                at));
  }

  @Test
  void givenADriftedDeployment_whenReportedSyncedWhileAliceSyncIsRunning_thenTheReportCarriesIt() {
    Instant started = Instant.parse("2026-11-17T11:10:00Z");
    Instant at = Instant.parse("2026-11-17T11:10:00.640Z");
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            driftedDeployment().command(),
            synced(started)
                .sync("OutOfSync", C2)
                .resources(
                    declared("apps", "Deployment", "OutOfSync"), declared("", "Service", "Synced"))
                .operation(aliceSync("Running", started, null))
                .command())
        .when(synced(at).operation(aliceSync("Running", started, null)).command())
        .expectEvents(
            new SyncStatusChanged(DEV_APP, "OutOfSync", "Synced", C2, C2, at),
            new ResourceStatusReported(
                DEV_APP,
                DEPLOYMENT,
                "OutOfSync",
                "Synced",
                C2,
                false,
                new LastSync(C2, "Running", "alice", false, false, null),
                at));
  }

  @Test
  void givenASyncCompletedInSomeSecond_whenASelfHealStartedInThatSecondIsSeen_thenItIsANewSync() {
    Instant second = Instant.parse("2026-11-17T09:00:00Z");
    Instant at = Instant.parse("2026-11-17T09:00:00.700Z");
    Operation heal =
        new Operation(
            "Running",
            "",
            C2,
            new Initiator("", true),
            List.of("apps/Deployment//ops-journal"),
            second,
            null,
            List.of());
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            synced(second.plusMillis(400))
                .operation(aliceSync("Succeeded", second, second))
                .command())
        .when(synced(at).operation(heal).command())
        .expectEvents(
            new SyncStarted(
                DEV_APP,
                second + "#2",
                C2,
                "automated",
                true,
                List.of("apps/Deployment//ops-journal"),
                second,
                at));
  }

  @Test
  void givenCompletedOperation_whenSeenAgainLater_thenNoSecondCompletion() {
    Instant started = Instant.parse("2026-11-17T09:00:00Z");
    Instant finished = Instant.parse("2026-11-17T09:00:02Z");
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            synced(finished).operation(aliceSync("Succeeded", started, finished)).command())
        .when(
            synced(finished.plusSeconds(180))
                .operation(aliceSync("Succeeded", started, finished))
                .command())
        .expectNoEvents();
  }

  @Test
  void
      givenOutOfSyncAtTheSameRevision_whenPartialAutomatedSelfHealSucceeded_thenPartialAutomatedSyncAndSyncedAgain() {
    // Tue 11:00:04: self-heal, an automated partial sync of the Deployment to c2 (Argo CD's
    // history never records it).
    Instant started = Instant.parse("2026-11-17T11:00:03Z");
    Instant healed = Instant.parse("2026-11-17T11:00:04Z");
    List<String> partial = List.of("apps/Deployment/ops-journal/ops-journal");
    Operation selfHeal =
        new Operation(
            "Succeeded",
            ALL_TASKS_RUN,
            C2,
            new Initiator(null, true),
            partial,
            started,
            healed,
            List.of(
                new SyncResult(
                    "apps",
                    "Deployment",
                    "ops-journal",
                    "ops-journal",
                    "Synced",
                    "deployment.apps/ops-journal serverside-applied")));
    fixture
        .givenCommands(synced(SYNCED_SEEN).command(), driftedDeployment().command())
        .when(synced(healed).operation(selfHeal).command())
        .expectEvents(
            new SyncStarted(
                DEV_APP, started.toString(), C2, "automated", true, partial, started, healed),
            new SyncCompleted(
                DEV_APP,
                started.toString(),
                "Succeeded",
                C2,
                "automated",
                true,
                true,
                ALL_TASKS_RUN,
                List.of(
                    new SyncCompleted.ResourceResult(
                        "apps",
                        "Deployment",
                        "ops-journal",
                        "ops-journal",
                        "Synced",
                        "deployment.apps/ops-journal serverside-applied")),
                started,
                healed,
                healed),
            new SyncStatusChanged(DEV_APP, "OutOfSync", "Synced", C2, C2, healed),
            new ResourceStatusReported(
                DEV_APP,
                DEPLOYMENT,
                "OutOfSync",
                "Synced",
                C2,
                false,
                new LastSync(C2, "Succeeded", "automated", true, true, healed),
                healed));
  }

  @Test
  void
      givenSyncedApplication_whenSharedResourceWarningAppears_thenConditionRaisedWithArgoCdsMessage() {
    Instant at = Instant.parse("2026-11-18T09:05:03Z");
    String message =
        "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
            + " ops-journal-staging";
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(
            synced(at)
                .conditions(new Condition("SharedResourceWarning", message, at.minusSeconds(1)))
                .command())
        .expectEvents(new ConditionRaised(DEV_APP, "SharedResourceWarning", message, at));
  }

  /**
   * Argo CD appends one SharedResourceWarning per shared live object (controller/state.go): in week
   * 02 both the Deployment and the Service are shared, so ops-journal-dev carries two conditions of
   * that type. The journal must keep both warnings.
   */
  @Test
  void givenSyncedApplication_whenArgoCdWarnsAboutTwoSharedResources_thenBothWarningsRaised() {
    Instant at = Instant.parse("2026-11-18T09:05:03Z");
    String deployment =
        "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
            + " ops-journal-staging";
    String service =
        "Service/ops-journal is part of applications argocd/ops-journal-dev and"
            + " ops-journal-staging";
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(
            synced(at)
                .conditions(
                    new Condition("SharedResourceWarning", deployment, at),
                    new Condition("SharedResourceWarning", service, at))
                .command())
        .expectEvents(
            new ConditionRaised(DEV_APP, "SharedResourceWarning", deployment, at),
            new ConditionRaised(DEV_APP, "SharedResourceWarning", service, at));
  }

  @Test
  void givenSharedResourceWarning_whenArgoCdRecomputesItWithANewTransitionTime_thenNoEvents() {
    Instant at = Instant.parse("2026-11-18T09:05:03Z");
    String message =
        "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
            + " ops-journal-staging";
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            synced(at).conditions(new Condition("SharedResourceWarning", message, at)).command())
        .when(
            synced(at.plusSeconds(180))
                .conditions(new Condition("SharedResourceWarning", message, at.plusSeconds(179)))
                .command())
        .expectNoEvents();
  }

  @Test
  void givenSharedResourceWarning_whenItIsGone_thenConditionCleared() {
    Instant raised = Instant.parse("2026-11-18T09:05:03Z");
    Instant at = Instant.parse("2026-11-20T16:00:00Z");
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(),
            synced(raised)
                .conditions(
                    new Condition(
                        "SharedResourceWarning",
                        "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
                            + " ops-journal-staging",
                        raised))
                .command())
        .when(synced(at).command())
        .expectEvents(
            new ConditionCleared(
                DEV_APP,
                "SharedResourceWarning",
                "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
                    + " ops-journal-staging",
                at));
  }

  @Test
  void givenSyncedApplication_whenTargetRevisionAndSelfHealChange_thenSpecChanged() {
    Instant at = Instant.parse("2026-11-19T12:00:00Z");
    Spec pinned =
        new Spec(
            "default",
            REPO,
            "apps/ops-journal/overlays/dev",
            "release-1",
            "",
            "https://kubernetes.default.svc",
            "in-cluster",
            "ops-journal",
            true,
            false,
            true);
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(synced(at).spec(pinned).command())
        .expectEvents(
            new ApplicationSpecChanged(
                DEV_APP,
                new ApplicationSource(
                    REPO,
                    "apps/ops-journal/overlays/dev",
                    "release-1",
                    "",
                    "https://kubernetes.default.svc",
                    "in-cluster",
                    "ops-journal",
                    "default"),
                new SyncPolicy(true, false, true),
                at));
  }

  @Test
  void
      givenSyncedApplication_whenDeploymentGoesOutOfSyncAtTheSameRevision_thenReportedWithoutRevisionChange() {
    Instant at = Instant.parse("2026-11-17T11:00:02Z");
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(driftedDeployment().command())
        .expectEvents(
            new SyncStatusChanged(DEV_APP, "Synced", "OutOfSync", C2, C2, at),
            new ResourceStatusReported(
                DEV_APP, DEPLOYMENT, "Synced", "OutOfSync", C2, false, FIRST_LAST_SYNC, at));
  }

  @Test
  void
      givenSyncedApplication_whenANewRevisionMakesTheDeploymentOutOfSync_thenReportedWithRevisionChanged() {
    Instant at = Instant.parse("2026-11-19T09:00:30Z");
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(
            synced(at)
                .sync("OutOfSync", C3)
                .resources(
                    declared("apps", "Deployment", "OutOfSync"), declared("", "Service", "Synced"))
                .command())
        .expectEvents(
            new SyncStatusChanged(DEV_APP, "Synced", "OutOfSync", C2, C3, at),
            new ResourceStatusReported(
                DEV_APP, DEPLOYMENT, "Synced", "OutOfSync", C3, true, FIRST_LAST_SYNC, at));
  }

  @Test
  void
      givenTwoDeclaredResources_whenTheServiceIsDroppedFromStatusResources_thenReportedWithEmptyStatus() {
    Instant at = Instant.parse("2026-11-19T12:00:00Z");
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(synced(at).resources(declared("apps", "Deployment", "Synced")).command())
        .expectEvents(
            new ResourceStatusReported(
                DEV_APP, SERVICE, "Synced", "", C2, false, FIRST_LAST_SYNC, at));
  }

  @Test
  void givenSyncedApplication_whenDeleted_thenEveryDeclaredResourceReportedGoneThenDeleted() {
    Instant at = Instant.parse("2026-11-20T17:00:00Z");
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(synced(at).action(WatchAction.DELETED).command())
        .expectEvents(
            new ResourceStatusReported(
                DEV_APP, SERVICE, "Synced", "", C2, false, FIRST_LAST_SYNC, at),
            new ResourceStatusReported(
                DEV_APP, DEPLOYMENT, "Synced", "", C2, false, FIRST_LAST_SYNC, at),
            new ApplicationDeleted(DEV_APP, DEV_UID, at));
  }

  @Test
  void givenDeletedApplication_whenCreatedAgainWithANewUid_thenRegisteredAgainFromScratch() {
    Instant deleted = Instant.parse("2026-11-20T17:00:00Z");
    Instant started = Instant.parse("2026-11-20T17:10:00Z");
    Instant finished = Instant.parse("2026-11-20T17:10:02Z");
    Instant at = Instant.parse("2026-11-20T17:10:03Z");
    Operation sync =
        new Operation(
            "Succeeded",
            ALL_TASKS_RUN,
            C2,
            new Initiator("", true),
            List.of(),
            started,
            finished,
            List.of());
    LastSync lastSync = new LastSync(C2, "Succeeded", "automated", true, false, finished);
    fixture
        .givenCommands(
            synced(SYNCED_SEEN).command(), synced(deleted).action(WatchAction.DELETED).command())
        .when(synced(at).uid("a-new-uid").operation(sync).command())
        .expectEvents(
            new ApplicationRegistered(
                DEV_APP, "a-new-uid", DEV_SOURCE, new SyncPolicy(true, true, true), at),
            new SyncStarted(
                DEV_APP, started.toString(), C2, "automated", true, List.of(), started, at),
            new SyncCompleted(
                DEV_APP,
                started.toString(),
                "Succeeded",
                C2,
                "automated",
                true,
                false,
                ALL_TASKS_RUN,
                List.of(),
                started,
                finished,
                at),
            new SyncStatusChanged(DEV_APP, "", "Synced", "", C2, at),
            new HealthChanged(DEV_APP, "", "Healthy", at),
            new ResourceStatusReported(DEV_APP, DEPLOYMENT, "", "Synced", C2, false, lastSync, at),
            new ResourceStatusReported(DEV_APP, SERVICE, "", "Synced", C2, false, lastSync, at));
  }

  @Test
  void givenSyncedApplication_whenAnOlderSnapshotArrives_thenNoEvents() {
    fixture
        .givenCommands(synced(SYNCED_SEEN).command())
        .when(
            dev(SYNCED_SEEN.minusSeconds(5))
                .sync("OutOfSync", C2)
                .health("Progressing")
                .resources(
                    declared("apps", "Deployment", "OutOfSync"),
                    declared("", "Service", "OutOfSync"))
                .command())
        .expectNoEvents();
  }

  // --- inputs ---

  /**
   * {@code reference/argo-cd/application-with-status.yaml} as the collector trims it: a plugin
   * source, destination by name, no automated sync; the last operation a manual sync by
   * foo@example.com; history truncated to ids 14..23; no conditions; {@code status.resources} lists
   * the core Service without any {@code group} key; {@code sync.revision} is {@code rev1}
   * (anonymised upstream).
   */
  private static ApplicationObserved referenceApplication(Instant observedAt) {
    Spec spec =
        new Spec(
            "sre",
            "https://github.com/foo/manifests-velero.git",
            "instances/test",
            "test-lla",
            null,
            null,
            VELERO_CLUSTER,
            "test-lla",
            false,
            false,
            false);
    Operation operation =
        new Operation(
            "Succeeded",
            ALL_TASKS_RUN,
            EA87,
            new Initiator("foo@example.com", false),
            null,
            VELERO_SYNC_STARTED,
            VELERO_SYNC_FINISHED,
            List.of(
                new SyncResult(
                    "",
                    "Service",
                    "test-lla",
                    "test-lla",
                    "Synced",
                    "service/test-lla serverside-applied"),
                new SyncResult(
                    "apps",
                    "Deployment",
                    "test-lla",
                    "test-lla",
                    "Synced",
                    "deployment.apps/test-lla serverside-applied")));
    String[][] history = {
      {"14", "2024-03-04T22:00:05Z", "2024-03-04T22:00:06Z"},
      {"15", "2024-03-04T22:08:29Z", "2024-03-04T22:08:30Z"},
      {"16", "2024-03-04T22:09:16Z", "2024-03-04T22:09:16Z"},
      {"17", "2024-03-04T22:11:41Z", "2024-03-04T22:11:41Z"},
      {"18", "2024-03-04T22:50:55Z", "2024-03-04T22:50:55Z"},
      {"19", "2024-03-04T22:52:56Z", "2024-03-04T22:52:56Z"},
      {"20", "2024-03-04T22:56:15Z", "2024-03-04T22:56:15Z"},
      {"21", "2024-03-05T07:31:56Z", "2024-03-05T07:31:57Z"},
      {"22", "2024-03-05T07:32:44Z", "2024-03-05T07:32:44Z"},
      {"23", "2024-03-05T07:33:03Z", "2024-03-05T07:33:04Z"},
    };
    List<HistoryEntry> entries = new ArrayList<>();
    for (String[] h : history) {
      entries.add(
          new HistoryEntry(
              Long.parseLong(h[0]), EA87, Instant.parse(h[1]), Instant.parse(h[2]), null));
    }
    Status status =
        new Status(
            "Synced",
            "rev1",
            "Healthy",
            Instant.parse("2024-03-05T07:33:04Z"),
            operation,
            null,
            List.of(
                new DeclaredResource(
                    null, "v1", "Service", "test-lla", "test-lla", "Synced", "Healthy", false),
                new DeclaredResource(
                    "apps",
                    "v1",
                    "Deployment",
                    "test-lla",
                    "test-lla",
                    "Synced",
                    "Healthy",
                    false)),
            entries);
    return new ApplicationObserved(
        VELERO,
        observedAt,
        WatchAction.ADDED,
        VELERO_UID,
        "722811357",
        Map.of("project", "sre", "cluster_name", VELERO_CLUSTER, "stack", "gke-v2"),
        Map.of("argocd.argoproj.io/compare-options", "ServerSideDiff=true"),
        spec,
        status);
  }

  private static Operation aliceSync(String phase, Instant started, Instant finished) {
    return new Operation(
        phase,
        finished == null ? "" : ALL_TASKS_RUN,
        C2,
        new Initiator("alice", false),
        List.of(),
        started,
        finished,
        finished == null
            ? List.of()
            : List.of(
                new SyncResult(
                    "apps",
                    "Deployment",
                    "ops-journal",
                    "ops-journal",
                    "Synced",
                    "deployment.apps/ops-journal serverside-applied")));
  }

  private static DeclaredResource declared(String group, String kind, String status) {
    return new DeclaredResource(group, "v1", kind, "ops-journal", "ops-journal", status, "", false);
  }

  /** Tue 11:00:02: kubectl scaled the Deployment; Argo CD reports it OutOfSync, still at c2. */
  private static Snapshot driftedDeployment() {
    return synced(Instant.parse("2026-11-17T11:00:02Z"))
        .sync("OutOfSync", C2)
        .resources(declared("apps", "Deployment", "OutOfSync"), declared("", "Service", "Synced"));
  }

  /** ops-journal-dev after its first sync: Synced at c2, Healthy, both resources Synced. */
  private static Snapshot synced(Instant at) {
    return dev(at)
        .sync("Synced", C2)
        .health("Healthy")
        .operation(FIRST_SYNC)
        .resources(declared("apps", "Deployment", "Synced"), declared("", "Service", "Synced"));
  }

  private static Snapshot dev(Instant at) {
    return new Snapshot(at);
  }

  /** A watch snapshot of ops-journal-dev. */
  private static final class Snapshot {
    private final Instant at;
    private WatchAction action = WatchAction.MODIFIED;
    private String uid = DEV_UID;
    private Spec spec = DEV_SPEC;
    private String syncStatus = "";
    private String syncRevision = "";
    private String health = "";
    private Operation operation;
    private List<Condition> conditions = List.of();
    private List<DeclaredResource> resources = List.of();

    private Snapshot(Instant at) {
      this.at = at;
    }

    Snapshot action(WatchAction action) {
      this.action = action;
      return this;
    }

    Snapshot uid(String uid) {
      this.uid = uid;
      return this;
    }

    Snapshot spec(Spec spec) {
      this.spec = spec;
      return this;
    }

    Snapshot sync(String status, String revision) {
      this.syncStatus = status;
      this.syncRevision = revision;
      return this;
    }

    Snapshot health(String health) {
      this.health = health;
      return this;
    }

    Snapshot operation(Operation operation) {
      this.operation = operation;
      return this;
    }

    Snapshot conditions(Condition... conditions) {
      this.conditions = List.of(conditions);
      return this;
    }

    Snapshot resources(DeclaredResource... resources) {
      this.resources = List.of(resources);
      return this;
    }

    ObserveApplication command() {
      return new ObserveApplication(
          new ApplicationObserved(
              DEV_APP,
              at,
              action,
              uid,
              String.valueOf(at.getEpochSecond()),
              Map.of(),
              Map.of(),
              spec,
              new Status(
                  syncStatus,
                  syncRevision,
                  health,
                  at,
                  operation,
                  conditions,
                  resources,
                  List.of())));
    }
  }
}
