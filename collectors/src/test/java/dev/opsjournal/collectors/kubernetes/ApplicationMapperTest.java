package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.HistoryEntry;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.SyncResult;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationMapperTest {

  static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");

  private final ApplicationMapper mapper = new ApplicationMapper("local");

  @Test
  void keepsEverySourceOfAMultiSourceApplicationAndTheRevisionOfEach() {
    ApplicationObserved seen = map(Fixtures.load("argo-cd/application-multi-source.yaml"));
    String chart = "https://prometheus-community.github.io/helm-charts";
    List<String> revisions =
        List.of(
            "15.7.1",
            "8f3c2b1a9d0e7f6a5b4c3d2e1f0a9b8c7d6e5f4a",
            "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567");

    assertThat(seen.spec().sources())
        .containsExactly(
            new ArgoSource(chart, "", "15.7.1", "prometheus", ""),
            new ArgoSource("https://git.example.com/org/value-files.git", "", "dev", "", "values"),
            new ArgoSource(
                "https://git.example.com/org/platform.git", "monitoring/rules", "HEAD", "", ""));
    assertThat(seen.spec().sources())
        .extracting(ArgoSource::git)
        .containsExactly(false, true, true);
    assertThat(seen.spec().repoUrl()).as("the first source, as before").isEqualTo(chart);
    assertThat(seen.spec().chart()).isEqualTo("prometheus");
    assertThat(seen.spec().selfHeal()).isTrue();

    assertThat(seen.status().syncRevision())
        .as("the first source's, as before")
        .isEqualTo("15.7.1");
    assertThat(seen.status().syncRevisions()).isEqualTo(revisions);
    assertThat(seen.status().operationState().revision()).isEqualTo("15.7.1");
    assertThat(seen.status().operationState().revisions()).isEqualTo(revisions);
    assertThat(seen.status().history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.revision()).isEqualTo("15.7.1");
              assertThat(h.revisions()).isEqualTo(revisions);
            });
  }

  @Test
  void aSingleSourceApplicationHasNoListOfSources() {
    ApplicationObserved seen = map(Fixtures.load("argo-cd/application-with-status.yaml"));

    assertThat(seen.spec().sources()).isEmpty();
    assertThat(seen.spec().allSources())
        .containsExactly(
            new ArgoSource(
                "https://github.com/foo/manifests-velero.git",
                "instances/test",
                "test-lla",
                "",
                ""));
    assertThat(seen.status().syncRevisions()).isEmpty();
    assertThat(seen.status().operationState().revisions()).isEmpty();
  }

  @Test
  void mapsTheReferenceApplicationWithItsStatus() {
    ApplicationObserved seen = map(Fixtures.load("argo-cd/application-with-status.yaml"));

    assertThat(seen.application())
        .isEqualTo(ResourceKey.application("local", "argo-cd", "velero-test"));
    assertThat(seen.uid()).isEqualTo("94978696-4fd4-40b3-a1de-38d9df9e9316");
    assertThat(seen.resourceVersion()).isEqualTo("722811357");
    assertThat(seen.labels()).containsEntry("project", "sre").hasSize(7);
    assertThat(seen.annotations()).as("none of the tracking annotations").isEmpty();
    assertThat(seen.spec())
        .isEqualTo(
            new Spec(
                "sre",
                "https://github.com/foo/manifests-velero.git",
                "instances/test",
                "test-lla",
                "",
                "",
                "gke-alpha-01-europe-west1",
                "test-lla",
                false,
                false,
                false));

    ApplicationObserved.Status status = seen.status();
    assertThat(status.syncStatus()).isEqualTo("Synced");
    assertThat(status.syncRevision()).isEqualTo("rev1");
    assertThat(status.healthStatus()).isEqualTo("Healthy");
    assertThat(status.reconciledAt()).isEqualTo(Instant.parse("2024-03-05T07:33:04Z"));
    assertThat(status.conditions()).isEmpty();
    assertThat(status.resources())
        .containsExactly(
            new DeclaredResource(
                "", "v1", "Service", "test-lla", "test-lla", "Synced", "Healthy", false),
            new DeclaredResource(
                "apps", "v1", "Deployment", "test-lla", "test-lla", "Synced", "Healthy", false));
    assertThat(status.history())
        .extracting(HistoryEntry::id)
        .as("truncated history keeps its ids")
        .containsExactly(14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L);
    assertThat(status.history().get(9))
        .isEqualTo(
            new HistoryEntry(
                23,
                "ea8759964626a583667a2bfd08f334ec2070040a",
                Instant.parse("2024-03-05T07:33:03Z"),
                Instant.parse("2024-03-05T07:33:04Z"),
                new Initiator("", false)));
  }

  @Test
  void mapsTheLastOperation() {
    Operation operation =
        map(Fixtures.load("argo-cd/application-with-status.yaml")).status().operationState();

    assertThat(operation.phase()).isEqualTo("Succeeded");
    assertThat(operation.message()).isEqualTo("successfully synced (all tasks run)");
    assertThat(operation.revision()).isEqualTo("ea8759964626a583667a2bfd08f334ec2070040a");
    assertThat(operation.initiatedBy()).isEqualTo(new Initiator("foo@example.com", false));
    assertThat(operation.partial()).isFalse();
    assertThat(operation.startedAt()).isEqualTo(Instant.parse("2024-03-05T07:33:03Z"));
    assertThat(operation.finishedAt()).isEqualTo(Instant.parse("2024-03-05T07:33:04Z"));
    assertThat(operation.results())
        .containsExactly(
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
                "deployment.apps/test-lla serverside-applied"));
  }

  @Test
  void mapsAChildApplicationWithoutStatus() {
    GenericKubernetesResource child =
        Fixtures.load("argo-cd/child-application-with-tracking-id.yaml");
    // the fixture is a manifest; the API server gives every object a uid on create
    child.getMetadata().setUid("6c1c1a4e-child");

    ApplicationObserved seen = mapper.map(child, WatchAction.ADDED, AT);

    assertThat(seen.application())
        .isEqualTo(ResourceKey.application("local", "argocd", "argo-workflows"));
    assertThat(seen.resourceVersion()).isEmpty();
    assertThat(seen.annotations())
        .containsExactly(
            Map.entry(
                "argocd.argoproj.io/tracking-id",
                "app-of-apps:argoproj.io/Application:argocd/argo-workflows"));
    assertThat(seen.spec())
        .isEqualTo(
            new Spec(
                "default",
                "https://argoproj.github.io/argo-helm",
                "",
                "0.45.27",
                "argo-workflows",
                "",
                "in-cluster",
                "argo-workflows",
                true,
                false,
                true));
    assertThat(seen.status().syncStatus()).isEmpty();
    assertThat(seen.status().operationState()).isNull();
    assertThat(seen.status().reconciledAt()).isNull();
    assertThat(seen.status().resources()).isEmpty();
  }

  @Test
  void readsTheFirstOfMultipleSourcesAndRevisions() {
    ApplicationObserved seen =
        map(
            Fixtures.yaml(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: multi, namespace: argocd, uid: u1, resourceVersion: "5"}
                spec:
                  project: default
                  sources:
                  - {repoURL: "https://git.example/a.git", path: apps/a, targetRevision: main}
                  - {repoURL: "https://charts.example", chart: redis, targetRevision: 18.0.0}
                  destination: {server: "https://kubernetes.default.svc", namespace: a}
                  syncPolicy: {automated: {selfHeal: true, enabled: false}}
                status:
                  sync: {status: OutOfSync, revisions: [abc123, 18.0.0]}
                  history:
                  - {id: 1, revisions: [abc123, 18.0.0], deployedAt: "2026-11-17T09:00:00Z",
                     initiatedBy: {automated: true}}
                """));

    assertThat(seen.spec().repoUrl()).isEqualTo("https://git.example/a.git");
    assertThat(seen.spec().path()).isEqualTo("apps/a");
    assertThat(seen.spec().destinationServer()).isEqualTo("https://kubernetes.default.svc");
    assertThat(seen.spec().automated()).as("automation switched off").isFalse();
    assertThat(seen.spec().selfHeal()).isTrue();
    assertThat(seen.status().syncRevision()).isEqualTo("abc123");
    assertThat(seen.status().healthStatus()).isEmpty();
    assertThat(seen.status().history().get(0).revision()).isEqualTo("abc123");
    assertThat(seen.status().history().get(0).initiatedBy().automated()).isTrue();
  }

  @Test
  void givenCredentialsInRepoUrlsAndArgoCdsMessages_whenMapped_thenNoneReachesTheObservation() {
    ApplicationObserved seen =
        map(
            Fixtures.yaml(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: leaky, namespace: argocd, uid: u1, resourceVersion: "3"}
                spec:
                  sources:
                  - {repoURL: "https://ci:ghp_s3cr3t@git.example/a.git", path: apps/a}
                  - {repoURL: "https://robot:hunter2@charts.example", chart: redis}
                  destination: {server: "https://kubernetes.default.svc", namespace: a}
                status:
                  conditions:
                  - type: ComparisonError
                    message: 'failed to list refs: Get "https://ci:ghp_s3cr3t@git.example/a.git/info/refs": authentication required'
                    lastTransitionTime: "2026-11-17T09:00:00Z"
                  operationState:
                    phase: Failed
                    message: 'rpc error: https://ci:ghp_s3cr3t@git.example/a.git: authentication required'
                    startedAt: "2026-11-17T09:00:01Z"
                    operation: {sync: {revision: main}}
                """));

    assertThat(seen.toString()).doesNotContain("ghp_s3cr3t").doesNotContain("hunter2");
    assertThat(seen.spec().repoUrl()).isEqualTo("https://git.example/a.git");
    assertThat(seen.spec().sources())
        .extracting(ArgoSource::repoUrl)
        .containsExactly("https://git.example/a.git", "https://charts.example");
    assertThat(seen.status().conditions().get(0).message())
        .isEqualTo(
            "failed to list refs: Get \"https://git.example/a.git/info/refs\": authentication"
                + " required");
  }

  @Test
  void mapsAPartialAutomatedSyncWithConditions() {
    ApplicationObserved seen =
        map(
            Fixtures.yaml(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: dev, namespace: argocd, uid: u1, resourceVersion: "9"}
                spec:
                  source: {repoURL: "https://git.example/a.git", path: dev}
                  syncPolicy: {automated: {}}
                status:
                  sync: {status: Synced, revision: c2}
                  conditions:
                  - type: SharedResourceWarning
                    message: Deployment/web is part of applications argocd/dev and staging
                    lastTransitionTime: "2026-11-18T09:05:00Z"
                  resources:
                  - {group: apps, version: v1, kind: Deployment, namespace: shop, name: web,
                     status: OutOfSync, requiresPruning: true}
                  operationState:
                    phase: Running
                    startedAt: "2026-11-17T10:00:01Z"
                    operation:
                      initiatedBy: {automated: true}
                      sync:
                        resources:
                        - {group: apps, kind: Deployment, namespace: shop, name: web}
                        - {kind: Service, namespace: shop, name: web}
                    syncResult: {revision: c2}
                """));

    assertThat(seen.spec().automated()).as("automated: {} is automated").isTrue();
    Operation operation = seen.status().operationState();
    assertThat(operation.revision()).as("from syncResult").isEqualTo("c2");
    assertThat(operation.initiatedBy()).isEqualTo(new Initiator("", true));
    assertThat(operation.syncResources())
        .containsExactly("apps/Deployment/shop/web", "/Service/shop/web");
    assertThat(operation.partial()).isTrue();
    assertThat(operation.finished()).isFalse();
    assertThat(operation.finishedAt()).isNull();
    assertThat(seen.status().conditions())
        .extracting(c -> c.type(), c -> c.lastTransitionTime())
        .containsExactly(tuple("SharedResourceWarning", Instant.parse("2026-11-18T09:05:00Z")));
    assertThat(seen.status().resources().get(0).health()).isEmpty();
    assertThat(seen.status().resources().get(0).requiresPruning()).isTrue();
  }

  @Test
  void aStatusOfTheWrongTypeIsMalformed() {
    GenericKubernetesResource broken =
        Fixtures.yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: broken, namespace: argocd, uid: u1, resourceVersion: "1"}
            spec: {project: default}
            status: nonsense
            """);

    assertThatThrownBy(() -> map(broken))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessage("status is a string, expected an object");
  }

  @Test
  void anUnparsableTimeIsMalformed() {
    GenericKubernetesResource broken =
        Fixtures.yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: broken, namespace: argocd, uid: u1, resourceVersion: "1"}
            status: {reconciledAt: yesterday}
            """);

    assertThatThrownBy(() -> map(broken))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("status.reconciledAt");
  }

  private ApplicationObserved map(GenericKubernetesResource application) {
    return mapper.map(application, WatchAction.MODIFIED, AT);
  }
}
