package dev.opsjournal.core.observation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A summary of one {@code metadata.managedFields} entry: who wrote which fields, how and when.
 *
 * @param manager the field manager, e.g. {@code argocd-controller}, {@code kubectl-edit}
 * @param operation {@code Apply} (server-side apply) or {@code Update}
 * @param subresource {@code status}, {@code scale}, or empty for the object itself
 * @param time when the manager last wrote (seconds precision, as Kubernetes keeps it)
 * @param fields the leaf field paths owned, e.g. {@code spec.replicas}, {@code
 *     spec.template.spec.containers[name=web].image}
 */
public record ManagedFieldsEntry(
    String manager, String operation, String subresource, Instant time, List<String> fields) {

  public ManagedFieldsEntry {
    Observations.required(manager, "a field manager name");
    operation = operation == null ? "" : operation;
    subresource = subresource == null ? "" : subresource;
    fields = Observations.list(fields);
  }

  /** Writes to the status subresource report state; they never change what was desired. */
  @JsonIgnore
  public boolean isStatusWrite() {
    return "status".equals(subresource);
  }
}
