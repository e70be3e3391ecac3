package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.collectors.kubernetes.EventMapper.Api;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventMapperTest {

  static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");

  private final EventMapper mapper = new EventMapper("local");

  @Test
  void mapsEveryFieldOfACoreEvent() {
    GenericKubernetesResource event = Fixtures.load("kubernetes/core-v1-event-allfields.yaml");

    KubernetesEventObserved seen = mapper.map(event, Api.CORE_V1, AT);

    assertThat(seen)
        .isEqualTo(
            new KubernetesEventObserved(
                ResourceKey.of("local", "", "kindValue", "namespaceValue", "nameValue"),
                AT,
                "uidValue",
                "typeValue",
                "reasonValue",
                "messageValue",
                "componentValue",
                8,
                Instant.parse("2006-01-01T01:01:01Z"),
                Instant.parse("2007-01-01T01:01:01Z")));
    assertThat(mapper.keyOf(event))
        .isEqualTo(ResourceKey.of("local", "", "Event", "namespaceValue", "nameValue"));
  }

  @Test
  void mapsEveryFieldOfAnEventsApiEvent() {
    GenericKubernetesResource event =
        Fixtures.load("kubernetes/events-k8s-io-v1-event-allfields.yaml");

    KubernetesEventObserved seen = mapper.map(event, Api.EVENTS_V1, AT);

    assertThat(seen)
        .isEqualTo(
            new KubernetesEventObserved(
                ResourceKey.of("local", "", "kindValue", "namespaceValue", "nameValue"),
                AT,
                "uidValue",
                "typeValue",
                "reasonValue",
                "noteValue",
                "reportingControllerValue",
                1,
                Instant.parse("2002-01-01T01:01:01.000002Z"),
                Instant.parse("2002-01-01T01:01:01.000002Z")));
    assertThat(mapper.keyOf(event))
        .as("one object served by two APIs has one key")
        .isEqualTo(ResourceKey.of("local", "", "Event", "namespaceValue", "nameValue"));
  }

  @Test
  void mapsAnArgoCdEventAboutAnApplication() {
    GenericKubernetesResource event =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: guestbook.157f7c60a55a81a8, namespace: argocd, uid: e1}
            involvedObject:
              apiVersion: argoproj.io/v1alpha1
              kind: Application
              name: guestbook
              namespace: argocd
            reason: OperationCompleted
            message: Sync operation to 8a1cb4a02d3538e54907c827352f66f20c3d7b0d succeeded
            source: {component: argocd-application-controller}
            type: Normal
            count: 1
            firstTimestamp: "2026-11-17T10:00:00Z"
            lastTimestamp: "2026-11-17T10:00:00Z"
            """);

    KubernetesEventObserved seen = mapper.map(event, Api.CORE_V1, AT);

    assertThat(seen.regarding()).isEqualTo(ResourceKey.application("local", "argocd", "guestbook"));
    assertThat(seen.subject()).isEqualTo("local/argoproj.io/Application/argocd/guestbook");
    assertThat(seen.reportingComponent()).isEqualTo("argocd-application-controller");
  }

  @Test
  void aClusterScopedObjectHasNoNamespace() {
    GenericKubernetesResource event =
        Fixtures.yaml(
            """
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: worker-1.17a, namespace: default, uid: e2}
            regarding: {apiVersion: v1, kind: Node, name: worker-1}
            reason: NodeNotReady
            note: Node worker-1 status is now NodeNotReady
            type: Normal
            reportingController: node-controller
            eventTime: "2026-11-17T10:00:00.123456Z"
            """);

    KubernetesEventObserved seen = mapper.map(event, Api.EVENTS_V1, AT);

    assertThat(seen.regarding()).isEqualTo(ResourceKey.of("local", "", "Node", "", "worker-1"));
    assertThat(seen.count()).isEqualTo(1);
    assertThat(seen.firstSeen()).isEqualTo(Instant.parse("2026-11-17T10:00:00.123456Z"));
    assertThat(seen.lastSeen()).isEqualTo(seen.firstSeen());
  }

  @Test
  void fallsBackToTheOtherApisFields() {
    GenericKubernetesResource core =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: web.1, namespace: shop, uid: e3}
            involvedObject: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: shop}
            reportingComponent: deployment-controller
            eventTime: "2026-11-17T10:00:00.000001Z"
            series: {count: 4, lastObservedTime: "2026-11-17T10:05:00.000001Z"}
            """);
    GenericKubernetesResource events =
        Fixtures.yaml(
            """
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: web.2, namespace: shop, uid: e4}
            regarding: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: shop}
            deprecatedSource: {component: deployment-controller}
            deprecatedCount: 6
            deprecatedFirstTimestamp: "2026-11-17T09:00:00Z"
            deprecatedLastTimestamp: "2026-11-17T09:30:00Z"
            """);

    KubernetesEventObserved fromCore = mapper.map(core, Api.CORE_V1, AT);
    KubernetesEventObserved fromEvents = mapper.map(events, Api.EVENTS_V1, AT);

    assertThat(fromCore.regarding())
        .isEqualTo(ResourceKey.of("local", "apps", "Deployment", "shop", "web"));
    assertThat(fromCore.reportingComponent()).isEqualTo("deployment-controller");
    assertThat(fromCore.count()).isEqualTo(4);
    assertThat(fromCore.firstSeen()).isEqualTo(Instant.parse("2026-11-17T10:00:00.000001Z"));
    assertThat(fromCore.lastSeen()).isEqualTo(Instant.parse("2026-11-17T10:05:00.000001Z"));
    assertThat(fromCore.eventType()).isEmpty();
    assertThat(fromEvents.reportingComponent()).isEqualTo("deployment-controller");
    assertThat(fromEvents.count()).isEqualTo(6);
    assertThat(fromEvents.firstSeen()).isEqualTo(Instant.parse("2026-11-17T09:00:00Z"));
    assertThat(fromEvents.lastSeen()).isEqualTo(Instant.parse("2026-11-17T09:30:00Z"));
  }

  @Test
  void anEventAboutNothingIsMalformed() {
    GenericKubernetesResource event =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: x, namespace: shop, uid: e5}
            reason: Orphan
            """);

    assertThatThrownBy(() -> mapper.map(event, Api.CORE_V1, AT))
        .isInstanceOf(MalformedObjectException.class);
  }
}
