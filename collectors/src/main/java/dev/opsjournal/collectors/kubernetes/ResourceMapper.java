package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A tracked object as a {@link ResourceObserved}: identity, versions, labels, the two annotations
 * the journal reads, who wrote which fields, and a fingerprint of the desired state. Nothing else
 * leaves the process: no spec, no status, never a Secret's data.
 */
final class ResourceMapper {

  /** Argo CD's optional marker of which installation manages an object. */
  static final String INSTALLATION_ID = "argocd.argoproj.io/installation-id";

  private final String cluster;
  private final Fingerprints fingerprints;

  ResourceMapper(String cluster, Fingerprints fingerprints) {
    this.cluster = cluster;
    this.fingerprints = fingerprints;
  }

  ResourceKey keyOf(TrackedKind kind, GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    if (meta == null) {
      throw new MalformedObjectException("a " + kind.kind() + " without metadata");
    }
    return ResourceKey.of(cluster, kind.group(), kind.kind(), meta.getNamespace(), meta.getName());
  }

  ResourceObserved map(
      TrackedKind kind, GenericKubernetesResource object, WatchAction action, Instant observedAt) {
    ObjectMeta meta = object.getMetadata();
    List<ManagedFieldsEntry> managedFields = managedFields(meta);
    return new ResourceObserved(
        keyOf(kind, object),
        observedAt,
        action,
        meta.getUid(),
        meta.getResourceVersion(),
        meta.getGeneration() == null ? 0 : meta.getGeneration(),
        meta.getLabels(),
        trackingAnnotations(meta),
        managedFields,
        fingerprint(kind, object, managedFields),
        desired(kind, object.getAdditionalProperties()));
  }

  /**
   * The few desired values the journal reports, keyed by field path: replicas and each container's
   * image — what ran where. Never anything of a Secret, never env or args.
   */
  static Map<String, String> desired(TrackedKind kind, Map<String, Object> body) {
    Map<String, String> desired = new LinkedHashMap<>();
    if (kind.kind().equals("Secret") || !(body.get("spec") instanceof Map<?, ?> spec)) {
      return desired;
    }
    if (spec.get("replicas") instanceof Number replicas) {
      desired.put("spec.replicas", replicas.toString());
    }
    if (spec.get("template") instanceof Map<?, ?> template
        && template.get("spec") instanceof Map<?, ?> pod) {
      for (String list : List.of("initContainers", "containers")) {
        if (pod.get(list) instanceof List<?> containers) {
          for (Object c : containers) {
            if (c instanceof Map<?, ?> container
                && container.get("name") instanceof String name
                && container.get("image") instanceof String image) {
              desired.put("spec.template.spec." + list + "[name=" + name + "].image", image);
            }
          }
        }
      }
    }
    return desired;
  }

  /** Only Argo CD's tracking annotations: others can be large or hold secrets (last-applied). */
  static Map<String, String> trackingAnnotations(ObjectMeta meta) {
    Map<String, String> kept = new LinkedHashMap<>();
    Map<String, String> all = meta.getAnnotations();
    if (all != null) {
      for (String name : List.of(JournalPolicy.TRACKING_ID, INSTALLATION_ID)) {
        if (all.get(name) != null) {
          kept.put(name, all.get(name));
        }
      }
    }
    return kept;
  }

  static List<ManagedFieldsEntry> managedFields(ObjectMeta meta) {
    if (meta.getManagedFields() == null) {
      return List.of();
    }
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.ManagedFieldsEntry entry : meta.getManagedFields()) {
      if (entry.getManager() == null || entry.getManager().isBlank()) {
        continue; // nothing to attribute to
      }
      Map<String, Object> fields =
          entry.getFieldsV1() == null ? null : entry.getFieldsV1().getAdditionalProperties();
      entries.add(
          new ManagedFieldsEntry(
              entry.getManager(),
              entry.getOperation(),
              entry.getSubresource(),
              Node.of(entry.getTime(), "metadata.managedFields.time").time(),
              FieldPaths.leaves(fields)));
    }
    return entries;
  }

  /**
   * What the desired state is, as a hash: {@code spec}; for ConfigMaps {@code data} and {@code
   * binaryData}; for Secrets only their shape (see {@link #secretFingerprint}); for other kinds
   * without spec everything but metadata and status (apiVersion and kind too: an object keeps its
   * identity, and its fingerprint, across API versions).
   */
  private String fingerprint(
      TrackedKind kind, GenericKubernetesResource object, List<ManagedFieldsEntry> managedFields) {
    Map<String, Object> body = object.getAdditionalProperties();
    if (kind.group().isEmpty() && kind.kind().equals("Secret")) {
      return secretFingerprint(body, managedFields);
    }
    if (kind.group().isEmpty() && kind.kind().equals("ConfigMap")) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("data", body.get("data"));
      data.put("binaryData", body.get("binaryData"));
      return fingerprints.of(data);
    }
    if (body.containsKey("spec")) {
      return fingerprints.of(body.get("spec"));
    }
    Map<String, Object> rest = new LinkedHashMap<>(body);
    rest.remove("status");
    return fingerprints.of(rest);
  }

  /**
   * A Secret's values are never read: its fingerprint covers its type, the names of its keys and
   * the newest managedFields time — a write that changes only a value still moves that time.
   */
  private String secretFingerprint(
      Map<String, Object> body, List<ManagedFieldsEntry> managedFields) {
    TreeSet<String> keys = new TreeSet<>();
    for (String field : List.of("data", "stringData")) {
      if (body.get(field) instanceof Map<?, ?> values) {
        values.keySet().forEach(k -> keys.add(String.valueOf(k)));
      }
    }
    Instant newest =
        managedFields.stream()
            .map(ManagedFieldsEntry::time)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("type", body.get("type") instanceof String type ? type : "");
    shape.put("keys", List.copyOf(keys));
    shape.put("lastWrite", newest == null ? "" : newest.toString());
    return fingerprints.of(shape);
  }
}
