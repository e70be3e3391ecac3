package dev.opsjournal.core.observation;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracked Kubernetes object as a watch saw it, trimmed: identity, versions, labels, the tracking
 * annotations, a managedFields summary and a fingerprint of its desired state. Never the data of a
 * Secret.
 *
 * @param annotations only the annotations the journal reads (Argo CD's tracking-id and
 *     installation-id)
 * @param specFingerprint a hash of the desired state ({@code spec}, or {@code data} keys for
 *     ConfigMaps); equal fingerprints mean nothing desired changed
 * @param desired the few desired values the journal reports, by field path: {@code spec.replicas}
 *     and each container's image ({@code spec.template.spec.containers[name=web].image}); never
 *     values of Secrets or env
 */
public record ResourceObserved(
    ResourceKey resource,
    Instant observedAt,
    WatchAction action,
    String uid,
    String resourceVersion,
    long generation,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<ManagedFieldsEntry> managedFields,
    String specFingerprint,
    Map<String, String> desired)
    implements Observation {

  @JsonCreator
  public ResourceObserved {
    Observations.required(resource, "a resource key");
    Observations.required(observedAt, "observedAt");
    Observations.required(action, "an action (ADDED, MODIFIED, DELETED)");
    Observations.required(uid, "the object's uid");
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    labels = Observations.map(labels);
    annotations = Observations.map(annotations);
    managedFields = Observations.list(managedFields);
    specFingerprint = specFingerprint == null ? "" : specFingerprint;
    desired = Observations.map(desired);
  }

  /** An observation that reports no desired values. */
  public ResourceObserved(
      ResourceKey resource,
      Instant observedAt,
      WatchAction action,
      String uid,
      String resourceVersion,
      long generation,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<ManagedFieldsEntry> managedFields,
      String specFingerprint) {
    this(
        resource,
        observedAt,
        action,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        managedFields,
        specFingerprint,
        Map.of());
  }

  @Override
  public String subject() {
    return resource.toString();
  }

  /** The newest write to the object itself (not its status): who changed it last, and what. */
  public Optional<ManagedFieldsEntry> latestWrite() {
    return managedFields.stream()
        .filter(entry -> !entry.isStatusWrite() && entry.time() != null)
        .max(Comparator.comparing(ManagedFieldsEntry::time));
  }
}
