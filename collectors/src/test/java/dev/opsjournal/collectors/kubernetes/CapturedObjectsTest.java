package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapturedObjectsTest {

  private static final Instant AT = Instant.parse("2026-11-17T11:00:00Z");
  private final CapturedObjects objects = new CapturedObjects("local");

  @Test
  void mapsAnyKindByItsApiVersionAndKind() {
    var deployment =
        object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, uid: u1, resourceVersion: "7"}
            spec: {replicas: 3}
            """);
    var namespace =
        object(
            "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\", \"uid\": \"n1\", \"resourceVersion\": \"1\"}}");

    var seen = (ResourceObserved) objects.map(deployment, WatchAction.MODIFIED, AT).orElseThrow();
    assertThat(seen.resource())
        .isEqualTo(ResourceKey.of("local", "apps", "Deployment", "shop", "web"));
    assertThat(seen.observedAt()).isEqualTo(AT);
    assertThat(seen.desired()).containsEntry("spec.replicas", "3");
    assertThat(
            ((ResourceObserved) objects.map(namespace, WatchAction.ADDED, AT).orElseThrow())
                .resource())
        .isEqualTo(ResourceKey.of("local", "", "Namespace", "", "shop"));
  }

  @Test
  void mapsApplicationsAndEvents() {
    var application =
        object(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: shop, namespace: argocd, uid: a1}
            spec: {source: {repoURL: "https://git.example.com/p.git", path: shop}}
            """);
    var event =
        object(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: web.1, namespace: shop, uid: e1}
            involvedObject: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web}
            reason: ScalingReplicaSet
            message: Scaled up
            """);

    assertThat(objects.map(application, WatchAction.ADDED, AT))
        .get()
        .isInstanceOf(ApplicationObserved.class);
    assertThat(objects.map(event, WatchAction.ADDED, AT))
        .get()
        .isInstanceOf(KubernetesEventObserved.class);
    assertThat(objects.map(event, WatchAction.DELETED, AT)).isEmpty();
  }

  @Test
  void refusesObjectsWithoutKindOrName() {
    assertThatThrownBy(
            () -> objects.map(object("{\"metadata\": {\"name\": \"x\"}}"), WatchAction.ADDED, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiVersion or kind");
    assertThatThrownBy(
            () ->
                objects.map(
                    object("{\"apiVersion\": \"v1\", \"kind\": \"Service\"}"),
                    WatchAction.ADDED,
                    AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void pluralsAsKubernetesNamesThem() {
    assertThat(CapturedObjects.plural("Deployment")).isEqualTo("deployments");
    assertThat(CapturedObjects.plural("Ingress")).isEqualTo("ingresses");
    assertThat(CapturedObjects.plural("NetworkPolicy")).isEqualTo("networkpolicies");
    assertThat(CapturedObjects.plural("Gateway")).isEqualTo("gateways");
  }

  private static GenericKubernetesResource object(String yaml) {
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }
}
