package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Objects read from a recorded watch capture (not from informers) as observations, through the same
 * mappers the Kubernetes collector uses: Argo CD Applications, Events of either API, and any other
 * kind as a tracked kind derived from its {@code apiVersion} and {@code kind}.
 */
public final class CapturedObjects {

  private final ObjectMapping.Mappings mappings;

  public CapturedObjects(String cluster) {
    this.mappings = ObjectMapping.of(cluster, KubernetesCollectorProperties.DEFAULT_REDACTION);
  }

  /**
   * The observation of one watch event, or empty when there is nothing to journal (a deleted Event:
   * Events expire, that is not news).
   *
   * @throws IllegalArgumentException when the object cannot be mapped (no kind, no metadata, a
   *     field of the wrong type)
   */
  public Optional<Observation> map(
      GenericKubernetesResource object, WatchAction action, Instant observedAt) {
    String apiVersion = object.getApiVersion();
    String kind = object.getKind();
    if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("an object without apiVersion or kind");
    }
    ObjectMeta meta = object.getMetadata();
    if (meta == null || meta.getName() == null) {
      throw new IllegalArgumentException("a " + kind + " without metadata.name");
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    try {
      return Optional.ofNullable(
          mappingOf(group, version, kind, meta).observe(object, action, observedAt));
    } catch (MalformedObjectException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private ObjectMapping mappingOf(String group, String version, String kind, ObjectMeta meta) {
    if (group.equals(Watches.APPLICATIONS.group()) && kind.equals(Watches.APPLICATIONS.kind())) {
      return mappings.applications();
    }
    if (kind.equals("Event") && (group.isEmpty() || group.equals("events.k8s.io"))) {
      return mappings.events();
    }
    boolean namespaced = meta.getNamespace() != null && !meta.getNamespace().isBlank();
    return mappings.trackedKind(new TrackedKind(group, version, kind, plural(kind), namespaced));
  }

  /** Kubernetes' own rule for most kinds; only used to name the kind, never to call an API. */
  static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch")) {
      return lower + "es";
    }
    if (lower.endsWith("y") && !lower.matches(".*[aeiou]y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
