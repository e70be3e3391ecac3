package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.List;

/**
 * How the objects of one watched kind become observations: one mapping per kind, used by the
 * collector's informers and by {@link CapturedObjects} alike, so a live watch and a replayed
 * capture journal an object the same way.
 */
sealed interface ObjectMapping {

  ResourceKey keyOf(GenericKubernetesResource object);

  /** The observation, or null when this action is not journaled (an Event's expiry). */
  Observation observe(GenericKubernetesResource object, WatchAction action, Instant at);

  /**
   * Whether the inventory keeps the last published observation, to republish it as DELETED when the
   * object vanished while nobody watched. Not for Events, whose expiry is not journaled.
   */
  default boolean keepsLastState() {
    return true;
  }

  /** The mappings of one cluster's objects, over one set of mappers. */
  static Mappings of(String cluster, List<String> redaction) {
    return new Mappings(
        new ResourceMapper(cluster, new Fingerprints(redaction)),
        new ApplicationMapper(cluster),
        new EventMapper(cluster));
  }

  /** The three mappers of a cluster and the mapping of each kind over them. */
  record Mappings(
      ResourceMapper resourceMapper, ApplicationMapper applicationMapper, EventMapper eventMapper) {

    ObjectMapping applications() {
      return new Applications(applicationMapper);
    }

    ObjectMapping events() {
      return new Events(eventMapper);
    }

    ObjectMapping trackedKind(TrackedKind kind) {
      return new Tracked(resourceMapper, kind);
    }
  }

  /** Argo CD Applications. */
  record Applications(ApplicationMapper mapper) implements ObjectMapping {
    @Override
    public ResourceKey keyOf(GenericKubernetesResource object) {
      return mapper.keyOf(object);
    }

    @Override
    public Observation observe(GenericKubernetesResource object, WatchAction action, Instant at) {
      return mapper.map(object, action, at);
    }
  }

  /** One tracked kind: Deployments, ConfigMaps, … */
  record Tracked(ResourceMapper mapper, TrackedKind kind) implements ObjectMapping {
    @Override
    public ResourceKey keyOf(GenericKubernetesResource object) {
      return mapper.keyOf(kind, object);
    }

    @Override
    public Observation observe(GenericKubernetesResource object, WatchAction action, Instant at) {
      return mapper.map(kind, object, action, at);
    }
  }

  /** Events of either API ({@code v1} and {@code events.k8s.io}), which tell one object apart. */
  record Events(EventMapper mapper) implements ObjectMapping {
    @Override
    public ResourceKey keyOf(GenericKubernetesResource object) {
      return mapper.keyOf(object);
    }

    @Override
    public Observation observe(GenericKubernetesResource object, WatchAction action, Instant at) {
      if (action == WatchAction.DELETED) {
        return null; // Events expire; that is not news
      }
      return mapper.map(object, apiOf(object), at);
    }

    @Override
    public boolean keepsLastState() {
      return false;
    }

    /** The events.k8s.io API by its apiVersion, or by its field names when that is missing. */
    static EventMapper.Api apiOf(GenericKubernetesResource event) {
      String apiVersion = event.getApiVersion();
      return apiVersion != null && apiVersion.startsWith("events.k8s.io/")
              || event.getAdditionalProperties().containsKey("regarding")
          ? EventMapper.Api.EVENTS_V1
          : EventMapper.Api.CORE_V1;
    }
  }
}
