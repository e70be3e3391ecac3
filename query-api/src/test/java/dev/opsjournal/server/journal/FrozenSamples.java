package dev.opsjournal.server.journal;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.core.application.ApplicationAttributed;
import dev.opsjournal.core.application.ApplicationDeleted;
import dev.opsjournal.core.application.ApplicationRegistered;
import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.application.ApplicationSpecChanged;
import dev.opsjournal.core.application.ConditionCleared;
import dev.opsjournal.core.application.ConditionRaised;
import dev.opsjournal.core.application.GitErrorCleared;
import dev.opsjournal.core.application.GitErrorRaised;
import dev.opsjournal.core.application.GitFailure;
import dev.opsjournal.core.application.HealthChanged;
import dev.opsjournal.core.application.LastSync;
import dev.opsjournal.core.application.ResourceStatusReported;
import dev.opsjournal.core.application.SourceRevision;
import dev.opsjournal.core.application.SyncCompleted;
import dev.opsjournal.core.application.SyncPolicy;
import dev.opsjournal.core.application.SyncStarted;
import dev.opsjournal.core.application.SyncStatusChanged;
import dev.opsjournal.core.cluster.ControllerRecovered;
import dev.opsjournal.core.cluster.ControllerUnavailable;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.HistoryEntry;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.ApplicationObserved.SyncResult;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import dev.opsjournal.core.observation.WatchAction;
import dev.opsjournal.core.resource.ConflictEnded;
import dev.opsjournal.core.resource.ConflictFlipped;
import dev.opsjournal.core.resource.ConflictStarted;
import dev.opsjournal.core.resource.Correction;
import dev.opsjournal.core.resource.DriftAttributed;
import dev.opsjournal.core.resource.DriftCorrected;
import dev.opsjournal.core.resource.DriftDetected;
import dev.opsjournal.core.resource.DriftEvidence;
import dev.opsjournal.core.resource.OwnershipClaimed;
import dev.opsjournal.core.resource.OwnershipReleased;
import dev.opsjournal.core.resource.OwnershipTransferred;
import dev.opsjournal.core.resource.ReconciliationLoopDetected;
import dev.opsjournal.core.resource.ResourceAppeared;
import dev.opsjournal.core.resource.ResourceChanged;
import dev.opsjournal.core.resource.ResourceDeclared;
import dev.opsjournal.core.resource.ResourceDeleted;
import dev.opsjournal.core.resource.ResourceRecreated;
import dev.opsjournal.core.resource.ResourceUndeclared;
import dev.opsjournal.core.source.CommitRecorded;
import dev.opsjournal.core.source.HistoryRewritten;
import dev.opsjournal.core.source.SourceRecovered;
import dev.opsjournal.core.source.SourceUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One instance of every type whose JSON is stored or sent, every field set (no null, no empty
 * default), so that each field shows in its frozen file.
 */
final class FrozenSamples {

  static final Instant AT = Instant.parse("2026-11-17T11:00:01Z");
  static final Instant EARLIER = Instant.parse("2026-11-17T10:52:30Z");
  static final Duration SPAN = Duration.ofMinutes(7).plusSeconds(31);
  static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  static final ResourceKey DEV_APP = ResourceKey.application("local", "argocd", "ops-journal-dev");
  static final String DEV = "argocd/ops-journal-dev";
  static final String STAGING = "argocd/ops-journal-staging";
  static final String REPO = "https://git.example.com/team/platform.git";
  static final String SOURCE = REPO + "#main";
  static final String C1 = "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e";
  static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  static final String C3 = "3f00d1e2c3b4a5968778695a4b3c2d1e0f9a8b7c";
  static final String CHART_REPO = "https://charts.example.com/team";
  static final ArgoSource CHART_SOURCE =
      new ArgoSource(CHART_REPO, "", "1.4.2", "ops-journal-chart", "");
  static final ArgoSource GIT_SOURCE =
      new ArgoSource(REPO, "apps/ops-journal/overlays/dev", "HEAD", "", "values");
  static final String UID = "6f1c2a4e-8d7b-4c3a-9e51-0b2d7f3a1c11";
  static final String NEW_UID = "7a2d3b5f-9e8c-4d4b-8f62-1c3e8a4b2d22";

  private FrozenSamples() {}

  /** Every observation on {@code opsjournal.observations}. */
  static List<Object> observations() {
    return List.of(
        resourceObserved(),
        applicationObserved(),
        new KubernetesEventObserved(
            DEV_APP,
            AT,
            "4b1c9d3e-0f2a-4e5b-8c7d-6a5b4c3d2e1f",
            "Normal",
            "ResourceUpdated",
            "Updated sync status: Synced -> OutOfSync",
            "argocd-application-controller",
            2,
            EARLIER,
            AT),
        commitObserved(),
        new HistoryRewriteObserved(REPO, "main", AT, C2, C3, List.of(C2)),
        new SourceUnavailableObserved(REPO, "main", AT, "connection refused"),
        new SourceRecoveredObserved(REPO, "main", AT),
        new HeartbeatObserved("local", "collector-0", AT, EARLIER));
  }

  /** Every event the aggregates apply, as Axon stores it. */
  static List<Object> events() {
    Map<String, String> desired = Map.of("spec.replicas", "3");
    List<String> fields = List.of("spec.replicas");
    LastSync lastSync = new LastSync(C2, "Succeeded", "alice", false, true, EARLIER);
    ApplicationSource source =
        new ApplicationSource(
            REPO,
            "apps/ops-journal/overlays/dev",
            "HEAD",
            "ops-journal-chart",
            "https://kubernetes.default.svc",
            "in-cluster",
            "ops-journal",
            "default",
            List.of(CHART_SOURCE, GIT_SOURCE));
    List<SourceRevision> revisions =
        List.of(
            new SourceRevision(CHART_REPO, "1.4.2", "ops-journal-chart"),
            new SourceRevision(REPO, C2, ""));
    SyncPolicy policy = new SyncPolicy(true, true, true);
    return List.of(
        // core.resource
        new ResourceAppeared(DEPLOYMENT, UID, 2, "sha256:spec", desired, "argocd-controller", AT),
        new ResourceChanged(
            DEPLOYMENT, UID, 3, "sha256:spec-2", desired, "kubectl", "Update", fields, EARLIER, AT),
        new ResourceDeleted(DEPLOYMENT, UID, AT),
        new ResourceRecreated(
            DEPLOYMENT, UID, NEW_UID, 1, "sha256:spec", desired, DEV, "argocd-controller", AT),
        new OwnershipClaimed(DEPLOYMENT, DEV, TrackingMethod.ANNOTATION, AT),
        new OwnershipTransferred(DEPLOYMENT, DEV, STAGING, TrackingMethod.LABEL, AT),
        new OwnershipReleased(DEPLOYMENT, DEV, AT),
        new ResourceDeclared(DEPLOYMENT, DEV, AT),
        new ResourceUndeclared(DEPLOYMENT, DEV, AT),
        new DriftDetected(
            DEPLOYMENT, 2, DEV, C2, DriftEvidence.LIVE_CHANGE, "kubectl", fields, EARLIER, AT),
        new DriftAttributed(
            DEPLOYMENT, 2, DriftEvidence.OUT_OF_SYNC, "kubectl", fields, EARLIER, AT),
        new DriftCorrected(DEPLOYMENT, 2, DEV, Correction.MANUAL_SYNC, "alice", C2, SPAN, AT),
        new ConflictStarted(DEPLOYMENT, 1, List.of(DEV, STAGING), STAGING, AT),
        new ConflictFlipped(DEPLOYMENT, 1, DEV, STAGING, 4, AT),
        new ReconciliationLoopDetected(
            DEPLOYMENT, 1, List.of(DEV, STAGING), 6, Duration.ofMinutes(10), AT),
        new ConflictEnded(DEPLOYMENT, 1, STAGING, 6, SPAN, AT),
        // core.application
        new ApplicationRegistered(DEV_APP, UID, source, policy, AT),
        new ApplicationSpecChanged(DEV_APP, source, policy, AT),
        new SyncStarted(
            DEV_APP,
            EARLIER.toString(),
            C2,
            "alice",
            false,
            List.of("apps/Deployment/ops-journal/ops-journal"),
            EARLIER,
            AT,
            revisions),
        new SyncCompleted(
            DEV_APP,
            EARLIER.toString(),
            "Succeeded",
            C2,
            "alice",
            false,
            true,
            "successfully synced (all tasks run)",
            List.of(
                new SyncCompleted.ResourceResult(
                    "apps",
                    "Deployment",
                    "ops-journal",
                    "ops-journal",
                    "Synced",
                    "deployment.apps/ops-journal serverside-applied")),
            EARLIER,
            AT,
            AT,
            revisions),
        new SyncStatusChanged(DEV_APP, "Synced", "OutOfSync", C1, C2, AT),
        new HealthChanged(DEV_APP, "Healthy", "Progressing", AT),
        new ConditionRaised(DEV_APP, "SharedResourceWarning", "shared with staging", AT),
        new ConditionCleared(DEV_APP, "SharedResourceWarning", "shared with staging", AT),
        new GitErrorRaised(
            DEV_APP,
            REPO,
            GitFailure.CONNECTION_REFUSED,
            "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error:"
                + " code = Unknown desc = failed to list refs: dial tcp 10.0.0.5:443: connect:"
                + " connection refused",
            AT),
        new GitErrorCleared(DEV_APP, REPO, AT),
        new ResourceStatusReported(
            DEV_APP, DEPLOYMENT, "Synced", "OutOfSync", C2, true, lastSync, AT),
        new ApplicationDeleted(DEV_APP, UID, AT),
        new ApplicationAttributed(
            DEV_APP,
            "CREATED",
            "grace",
            "argocd-server",
            "grace created application",
            "0b7e4f7a-1c2d-4e5f-8a9b-3c4d5e6f7a8b",
            EARLIER,
            AT),
        // core.source
        new CommitRecorded(
            SOURCE,
            REPO,
            "main",
            C2,
            List.of(C1),
            new Person("bob", "bob@example.com", EARLIER),
            new Person("GitHub", "noreply@github.com", AT),
            "gitops: ops-journal-dev Application",
            List.of(new ChangedPath("RENAME", "docs/gitops.md", "docs/argo.md")),
            List.of(DEV),
            AT),
        new HistoryRewritten(SOURCE, C2, C3, List.of(C2), AT),
        new SourceUnavailable(SOURCE, "connection refused", AT),
        new SourceRecovered(SOURCE, EARLIER, SPAN, AT),
        // core.cluster
        new ControllerUnavailable("local", EARLIER, AT),
        new ControllerRecovered("local", EARLIER, AT, SPAN, AT));
  }

  /** The alert on {@code opsjournal.alerts}. */
  static Alert alert() {
    return new Alert(
        Alert.SCHEMA_VERSION,
        "conflict/" + DEPLOYMENT + "/1",
        Alert.Type.CONFLICT,
        Alert.Severity.WARNING,
        new Alert.Subject("resource", DEPLOYMENT.toString()),
        Alert.State.RESOLVED,
        EARLIER,
        AT,
        "Deployment ops-journal/ops-journal is claimed by two Applications",
        List.of("/api/v1/conflicts?resource=" + DEPLOYMENT));
  }

  private static ResourceObserved resourceObserved() {
    return new ResourceObserved(
        DEPLOYMENT,
        AT,
        WatchAction.MODIFIED,
        UID,
        "2051",
        2,
        Map.of("app.kubernetes.io/instance", "ops-journal-dev"),
        Map.of(
            JournalPolicy.TRACKING_ID, "ops-journal-dev:apps/Deployment:ops-journal/ops-journal"),
        List.of(
            new ManagedFieldsEntry(
                "kubectl", "Update", "scale", EARLIER, List.of("spec.replicas"))),
        "sha256:spec-replicas-3",
        Map.of(
            "spec.replicas",
            "3",
            "spec.template.spec.containers[name=ops-journal].image",
            "ghcr.io/team/ops-journal:1.4.2"));
  }

  private static ApplicationObserved applicationObserved() {
    return new ApplicationObserved(
        DEV_APP,
        AT,
        WatchAction.MODIFIED,
        UID,
        "88123",
        Map.of("team", "platform"),
        Map.of("argocd.argoproj.io/refresh", "normal"),
        new Spec(
            "default",
            REPO,
            "apps/ops-journal/overlays/dev",
            "HEAD",
            "ops-journal-chart",
            "https://kubernetes.default.svc",
            "in-cluster",
            "ops-journal",
            true,
            true,
            true),
        new Status(
            "Synced",
            C2,
            "Healthy",
            AT,
            new Operation(
                "Succeeded",
                "successfully synced (all tasks run)",
                C2,
                new Initiator("alice", false),
                List.of("apps/Deployment/ops-journal/ops-journal"),
                EARLIER,
                AT,
                List.of(
                    new SyncResult(
                        "apps",
                        "Deployment",
                        "ops-journal",
                        "ops-journal",
                        "Synced",
                        "deployment.apps/ops-journal serverside-applied"))),
            List.of(new Condition("SharedResourceWarning", "shared with staging", EARLIER)),
            List.of(
                new DeclaredResource(
                    "apps",
                    "v1",
                    "Deployment",
                    "ops-journal",
                    "ops-journal",
                    "Synced",
                    "Healthy",
                    true)),
            List.of(new HistoryEntry(1, C2, EARLIER, AT, new Initiator("alice", false)))));
  }

  /**
   * A multi-source Application (a Helm chart, then a Git path), every new field set: frozen as
   * {@code ApplicationObserved-multi-source.json} beside the single-source sample.
   */
  static ApplicationObserved multiSourceApplicationObserved() {
    ApplicationObserved single = applicationObserved();
    ApplicationObserved.Spec s = single.spec();
    ApplicationObserved.Status st = single.status();
    Operation op = st.operationState();
    List<String> revisions = List.of("1.4.2", C2);
    return new ApplicationObserved(
        single.application(),
        single.observedAt(),
        single.action(),
        single.uid(),
        single.resourceVersion(),
        single.labels(),
        single.annotations(),
        new Spec(
            s.project(),
            CHART_REPO,
            "",
            "1.4.2",
            "ops-journal-chart",
            s.destinationServer(),
            s.destinationName(),
            s.destinationNamespace(),
            s.automated(),
            s.selfHeal(),
            s.prune(),
            List.of(CHART_SOURCE, GIT_SOURCE)),
        new Status(
            st.syncStatus(),
            "1.4.2",
            st.healthStatus(),
            st.reconciledAt(),
            new Operation(
                op.phase(),
                op.message(),
                "1.4.2",
                op.initiatedBy(),
                op.syncResources(),
                op.startedAt(),
                op.finishedAt(),
                op.results(),
                revisions),
            st.conditions(),
            st.resources(),
            List.of(
                new HistoryEntry(
                    1, "1.4.2", EARLIER, AT, new Initiator("alice", false), revisions)),
            revisions));
  }

  private static CommitObserved commitObserved() {
    return new CommitObserved(
        REPO,
        "main",
        true,
        AT,
        C2,
        List.of(C1),
        new Person("bob", "bob@example.com", EARLIER),
        new Person("GitHub", "noreply@github.com", AT),
        "gitops: ops-journal-dev Application",
        List.of(new ChangedPath("RENAME", "docs/gitops.md", "docs/argo.md")),
        Map.of("apps/ops-journal/overlays/dev", List.of("apps/ops-journal/base")));
  }
}
