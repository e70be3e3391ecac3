package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectMappingTest {

  static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");
  static final Instant LATER = Instant.parse("2026-11-17T11:00:00Z");

  private final ObjectMapping.Mappings mappings =
      ObjectMapping.of("local", KubernetesCollectorProperties.DEFAULT_REDACTION);

  @Test
  void anEventsApiEventIsToldApartByItsApiVersionOrItsFields() {
    GenericKubernetesResource v1 =
        Fixtures.load("kubernetes/events-k8s-io-v1-event-allfields.yaml");
    GenericKubernetesResource core = Fixtures.load("kubernetes/core-v1-event-allfields.yaml");

    assertThat(ObjectMapping.Events.apiOf(v1)).isEqualTo(EventMapper.Api.EVENTS_V1);
    assertThat(ObjectMapping.Events.apiOf(core)).isEqualTo(EventMapper.Api.CORE_V1);
    v1.setApiVersion(null);
    assertThat(ObjectMapping.Events.apiOf(v1))
        .as("no apiVersion: the events.k8s.io field 'regarding' decides")
        .isEqualTo(EventMapper.Api.EVENTS_V1);
  }

  @Test
  void anEventIsJournaledWhenItHappensNotWhenItExpires() {
    ObjectMapping events = mappings.events();
    GenericKubernetesResource event = Fixtures.load("kubernetes/core-v1-event-allfields.yaml");

    assertThat(events.observe(event, WatchAction.ADDED, AT))
        .isEqualTo(new EventMapper("local").map(event, EventMapper.Api.CORE_V1, AT))
        .isInstanceOf(KubernetesEventObserved.class);
    assertThat(events.observe(event, WatchAction.DELETED, AT)).isNull();
    assertThat(events.keepsLastState()).isFalse();
  }

  @Test
  void applicationsAndTrackedKindsKeepTheirLastStateForALaterDeletion() {
    GenericKubernetesResource application = Fixtures.load("argo-cd/application-with-status.yaml");
    GenericKubernetesResource deployment =
        Fixtures.load("argo-cd/deployment-with-tracking-id.yaml");
    ObjectMapping applications = mappings.applications();
    ObjectMapping deployments = mappings.trackedKind(ResourceMapperTest.DEPLOYMENT);

    assertThat(applications.keepsLastState()).isTrue();
    assertThat(deployments.keepsLastState()).isTrue();
    assertThat(applications.observe(application, WatchAction.DELETED, AT))
        .isInstanceOf(ApplicationObserved.class);
    assertThat(deployments.keyOf(deployment).kind()).isEqualTo("Deployment");
  }

  @Test
  void aDeletedCopyIsTheLastStateAtTheTimeOfDeletion() {
    ObjectMapping deployments = mappings.trackedKind(ResourceMapperTest.DEPLOYMENT);
    GenericKubernetesResource deployment =
        Fixtures.load("argo-cd/deployment-with-tracking-id.yaml");
    ResourceObserved last =
        (ResourceObserved) deployments.observe(deployment, WatchAction.MODIFIED, AT);

    ResourceObserved copy = (ResourceObserved) Reconciler.deletedCopy(last, LATER);

    assertThat(copy)
        .usingRecursiveComparison()
        .ignoringFields("desired")
        .isEqualTo(deployments.observe(deployment, WatchAction.DELETED, LATER));
    // as published since the inventory exists: a deletion nobody watched reports no desired values
    assertThat(copy.desired()).isEmpty();
    assertThat(last.desired()).isNotEmpty();
    ApplicationObserved application =
        (ApplicationObserved)
            mappings
                .applications()
                .observe(
                    Fixtures.load("argo-cd/application-with-status.yaml"), WatchAction.ADDED, AT);
    assertThat(Reconciler.deletedCopy(application, LATER))
        .isEqualTo(
            mappings
                .applications()
                .observe(
                    Fixtures.load("argo-cd/application-with-status.yaml"),
                    WatchAction.DELETED,
                    LATER));
  }
}
