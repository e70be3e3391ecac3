package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceMapperTest {

  static final TrackedKind DEPLOYMENT =
      new TrackedKind("apps", "v1", "Deployment", "deployments", true);
  static final TrackedKind SECRET = new TrackedKind("", "v1", "Secret", "secrets", true);
  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);
  static final TrackedKind ROLE =
      new TrackedKind("rbac.authorization.k8s.io", "v1", "Role", "roles", true);
  static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");

  private final ResourceMapper mapper =
      new ResourceMapper(
          "local", new Fingerprints(KubernetesCollectorProperties.DEFAULT_REDACTION));

  @Test
  void mapsIdentityVersionsAndOnlyTheTrackingAnnotations() {
    ResourceObserved seen =
        map(DEPLOYMENT, Fixtures.load("argo-cd/deployment-with-tracking-id.yaml"));

    assertThat(seen.resource())
        .isEqualTo(ResourceKey.parse("local/apps/Deployment/default/kustomize-guestbook-ui"));
    assertThat(seen.observedAt()).isEqualTo(AT);
    assertThat(seen.action()).isEqualTo(WatchAction.MODIFIED);
    assertThat(seen.uid()).isEqualTo("ef253575-ce44-4c5e-84ad-16e81d0df6eb");
    assertThat(seen.resourceVersion()).isEqualTo("8289211");
    assertThat(seen.generation()).isEqualTo(119);
    assertThat(seen.labels()).isEmpty();
    assertThat(seen.annotations())
        .containsExactly(
            Map.entry(
                "argocd.argoproj.io/tracking-id",
                "guestbook:apps/Deployment:default/kustomize-guestbook-ui"));
    assertThat(seen.specFingerprint()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void reportsReplicasAndEveryContainerImageAsDesiredValues() {
    ResourceObserved seen =
        map(DEPLOYMENT, Fixtures.load("argo-cd/deployment-with-managedfields.yaml"));

    assertThat(seen.desired())
        .containsOnly(
            Map.entry("spec.replicas", "1"),
            Map.entry("spec.template.spec.containers[name=main-container].image", "nginx:latest"),
            Map.entry("spec.template.spec.containers[name=idle].image", "spurin/idle:latest"));
  }

  @Test
  void summarisesManagedFields() {
    ResourceObserved seen =
        map(DEPLOYMENT, Fixtures.load("argo-cd/deployment-with-tracking-id.yaml"));

    assertThat(seen.managedFields())
        .extracting(
            ManagedFieldsEntry::manager, ManagedFieldsEntry::operation, ManagedFieldsEntry::time)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "janitor", "Apply", Instant.parse("2022-01-06T18:21:04Z")),
            org.assertj.core.groups.Tuple.tuple(
                "argocd", "Update", Instant.parse("2022-01-06T15:04:15Z")),
            org.assertj.core.groups.Tuple.tuple(
                "kube-controller-manager", "Update", Instant.parse("2022-01-06T18:15:14Z")));
    assertThat(seen.managedFields().get(0).fields())
        .containsExactly("metadata.annotations.iksm-version");
    assertThat(seen.latestWrite()).map(ManagedFieldsEntry::manager).contains("janitor");
  }

  @Test
  void keepsServerSideApplyAndStatusWrites() {
    ResourceObserved ssa =
        map(DEPLOYMENT, Fixtures.load("argo-cd/deployment-ssa-argocd-controller.yaml"));
    ResourceObserved edited =
        map(DEPLOYMENT, Fixtures.load("argo-cd/deployment-with-managedfields.yaml"));

    assertThat(ssa.managedFields().get(0).operation()).isEqualTo("Apply");
    assertThat(ssa.managedFields().get(1).subresource()).isEqualTo("status");
    assertThat(ssa.labels())
        .containsOnlyKeys("app", "applications.argoproj.io/app-name", "something-else");
    assertThat(ssa.annotations()).isEmpty();
    assertThat(edited.latestWrite())
        .map(ManagedFieldsEntry::manager)
        .as("the status write is newer, but it is not a write of desired state")
        .contains("kubectl-client-side-apply");
  }

  @Test
  void theFingerprintFollowsTheSpecAndNothingElse() {
    GenericKubernetesResource deployment =
        Fixtures.load("argo-cd/deployment-with-tracking-id.yaml");
    String before = map(DEPLOYMENT, deployment).specFingerprint();

    deployment.getMetadata().setLabels(Map.of("team", "web"));
    deployment.setAdditionalProperty("status", Map.of("replicas", 9));
    assertThat(map(DEPLOYMENT, deployment).specFingerprint()).isEqualTo(before);

    spec(deployment).put("replicas", 5);
    assertThat(map(DEPLOYMENT, deployment).specFingerprint()).isNotEqualTo(before);
  }

  @Test
  void theFingerprintIgnoresKeyOrder() {
    GenericKubernetesResource one =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, namespace: n, uid: u1, resourceVersion: "1"}
            data: {a: "1", b: "2"}
            """);
    GenericKubernetesResource other =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, namespace: n, uid: u1, resourceVersion: "2"}
            data: {b: "2", a: "1"}
            """);

    assertThat(map(CONFIG_MAP, one).specFingerprint())
        .isEqualTo(map(CONFIG_MAP, other).specFingerprint());
    other.setAdditionalProperty("binaryData", Map.of("c", "AAE="));
    assertThat(map(CONFIG_MAP, one).specFingerprint())
        .isNotEqualTo(map(CONFIG_MAP, other).specFingerprint());
  }

  @Test
  void kindsWithoutSpecAreFingerprintedWithoutMetadataAndStatus() {
    GenericKubernetesResource role =
        Fixtures.yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader, namespace: n, uid: u1, resourceVersion: "1"}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            """);
    String before = map(ROLE, role).specFingerprint();

    role.getMetadata().setResourceVersion("2");
    role.setAdditionalProperty("status", Map.of("x", 1));
    assertThat(map(ROLE, role).specFingerprint()).isEqualTo(before);

    role.setAdditionalProperty("rules", List.of(Map.of("verbs", List.of("*"))));
    assertThat(map(ROLE, role).specFingerprint()).isNotEqualTo(before);
  }

  @Test
  void sensitiveEnvValuesNeverLeaveButStillMoveTheFingerprint() {
    ResourceObserved secret = map(DEPLOYMENT, deploymentWithEnv("hunter2", "debug"));
    ResourceObserved changed = map(DEPLOYMENT, deploymentWithEnv("hunter3", "debug"));

    assertThat(Fixtures.json(secret)).doesNotContain("hunter2");
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(changed.specFingerprint()).isNotEqualTo(secret.specFingerprint());
    assertThat(map(DEPLOYMENT, deploymentWithEnv("hunter2", "info")).specFingerprint())
        .as("a plain variable counts too")
        .isNotEqualTo(secret.specFingerprint());
  }

  @Test
  void aSensitiveValueIsHashedBeforeFingerprinting() {
    GenericKubernetesResource deployment = deploymentWithEnv("hunter2", "debug");
    Object spec = deployment.getAdditionalProperties().get("spec");

    String redacted = map(DEPLOYMENT, deployment).specFingerprint();

    assertThat(redacted).isNotEqualTo(new Fingerprints(List.of()).of(spec));
    assertThat(spec(deployment).toString())
        .as("the informer's cached object is left as it was")
        .contains("hunter2");
  }

  @Test
  void redactionPatternsAreSearchedCaseInsensitively() {
    Fingerprints fingerprints = new Fingerprints(KubernetesCollectorProperties.DEFAULT_REDACTION);

    assertThat(fingerprints.isSensitive("DB_PASSWORD")).isTrue();
    assertThat(fingerprints.isSensitive("github_token")).isTrue();
    assertThat(fingerprints.isSensitive("AWS_SECRET_ACCESS_KEY")).isTrue();
    assertThat(fingerprints.isSensitive("ApiKey")).isTrue();
    assertThat(fingerprints.isSensitive("LOG_LEVEL")).isFalse();
  }

  @Test
  void aSecretIsFingerprintedByItsShapeNeverItsValues() {
    String value = "hunter2-very-secret";
    String encoded = base64(value);
    ResourceObserved seen =
        map(SECRET, secret(Map.of("password", encoded), "2026-11-17T09:00:00Z"));

    assertThat(Fixtures.json(seen)).doesNotContain(value).doesNotContain(encoded);
    assertThat(seen.toString()).doesNotContain(value).doesNotContain(encoded);
    assertThat(seen.labels()).containsEntry("app", "db");

    String fingerprint = seen.specFingerprint();
    assertThat(
            map(SECRET, secret(Map.of("password", base64("other")), "2026-11-17T09:00:00Z"))
                .specFingerprint())
        .as("values are not read: the same keys and last write give the same fingerprint")
        .isEqualTo(fingerprint);
    assertThat(
            map(SECRET, secret(Map.of("password", encoded), "2026-11-17T09:05:00Z"))
                .specFingerprint())
        .as("a later write moves it")
        .isNotEqualTo(fingerprint);
    assertThat(
            map(
                    SECRET,
                    secret(Map.of("password", encoded, "user", encoded), "2026-11-17T09:00:00Z"))
                .specFingerprint())
        .as("a new key moves it")
        .isNotEqualTo(fingerprint);
  }

  @Test
  void generationIsZeroWhenAbsent() {
    ResourceObserved seen = map(SECRET, secret(Map.of(), "2026-11-17T09:00:00Z"));

    assertThat(seen.generation()).isZero();
  }

  private ResourceObserved map(TrackedKind kind, GenericKubernetesResource object) {
    return mapper.map(kind, object, WatchAction.MODIFIED, AT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  static GenericKubernetesResource deploymentWithEnv(String password, String logLevel) {
    return Fixtures.yaml(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, uid: u-web, resourceVersion: "7", generation: 2}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                env:
                - {name: DB_PASSWORD, value: "%s"}
                - {name: LOG_LEVEL, value: "%s"}
        """
            .formatted(password, logLevel));
  }

  static GenericKubernetesResource secret(Map<String, String> data, String lastWrite) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: v1
            kind: Secret
            type: Opaque
            metadata:
              name: db
              namespace: shop
              uid: u-db
              resourceVersion: "3"
              labels: {app: db}
              managedFields:
              - manager: kubectl-create
                operation: Update
                apiVersion: v1
                time: "%s"
                fieldsType: FieldsV1
                fieldsV1: {"f:data": {".": {}, "f:password": {}}, "f:type": {}}
            data:
            """
                .formatted(lastWrite));
    data.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append('\n'));
    if (data.isEmpty()) {
      yaml.append("  {}\n");
    }
    return Fixtures.yaml(yaml.toString());
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
