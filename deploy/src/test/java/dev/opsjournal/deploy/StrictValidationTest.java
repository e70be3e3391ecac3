package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.StrictManifests.parse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator itself: small broken documents prove that {@link StrictManifests} and {@link
 * Kubectl} fail where a lenient reader would pass.
 */
class StrictValidationTest {

  @Test
  void aMisspelledFieldFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec:
          replica: 2
          selector:
            matchLabels: {app: broken}
          template:
            metadata:
              labels: {app: broken}
            spec:
              containers:
                - name: app
                  image: example
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("broken.yaml")
        .hasMessageContaining("\"replica\"");
  }

  @Test
  void aMisspelledNestedFieldFails() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: broken
        spec:
          ports:
            - port: 8080
              targetPrt: http
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("\"targetPrt\"");
  }

  @Test
  void aMisspelledServiceMonitorEndpointFieldFails() {
    String yaml =
        """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: broken
        spec:
          selector:
            matchLabels: {app: broken}
          endpoints:
            - port: metrics
              pth: /actuator/prometheus
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("unknown field /spec/endpoints/*/pth");
  }

  @Test
  void aPrometheusRuleWithoutExprOrWithABadDurationFails() {
    String rule =
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: broken
        spec:
          groups:
            - name: broken
              rules:
                - alert: Broken
                  %s
        """;
    assertThatThrownBy(() -> parse("broken.yaml", rule.formatted("for: 5m")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rules[].expr is required");
    assertThatThrownBy(
            () -> parse("broken.yaml", rule.formatted("expr: up == 0\n          for: 5 minutes")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not a Prometheus duration");
  }

  @Test
  void aWrongTypeFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec:
          replicas: "2"
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("replicas")
        .hasMessageContaining("coerce");
  }

  @Test
  void anUnknownKindFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deploymnet
        metadata:
          name: broken
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apps/v1 Deploymnet is not a kind of fabric8's typed model");
  }

  @Test
  void aMisspelledArgoCdApplicationFieldFails() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://example.com/repo.git
            targetRevision: main
            path: deploy/overlays/dev
          destinaton:
            server: https://kubernetes.default.svc
            namespace: broken
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("destinaton");
  }

  @Test
  void aFailingKustomizationFailsWithKubectlsMessage(@TempDir Path dir) throws IOException {
    Kubectl.require();
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "resources:\n  - missing.yaml\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Kubectl.kustomize(dir))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("kubectl kustomize")
        .hasMessageContaining("missing.yaml");
  }
}
