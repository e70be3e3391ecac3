package dev.opsjournal.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The identity of a Kubernetes object in the journal: {@code cluster/group/kind/namespace/name}.
 *
 * <p>There is no apiVersion (an object keeps its identity across API versions, as in Argo CD's
 * gitops-engine). The core group and the namespace of a cluster-scoped object are empty strings.
 * The cluster is a configured name: Argo CD's tracking-id carries none.
 */
public record ResourceKey(String cluster, String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {

  public static final String ARGO_GROUP = "argoproj.io";
  public static final String APPLICATION_KIND = "Application";

  public ResourceKey {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
    requirePart("cluster", cluster, false);
    requirePart("group", group, true);
    requirePart("kind", kind, false);
    requirePart("namespace", namespace, true);
    requirePart("name", name, false);
  }

  public static ResourceKey of(
      String cluster, String group, String kind, String namespace, String name) {
    return new ResourceKey(cluster, group, kind, namespace, name);
  }

  public static ResourceKey application(String cluster, String namespace, String name) {
    return new ResourceKey(cluster, ARGO_GROUP, APPLICATION_KIND, namespace, name);
  }

  /** Parses the canonical form {@code cluster/group/kind/namespace/name}. */
  @JsonCreator
  public static ResourceKey parse(String canonical) {
    Objects.requireNonNull(canonical, "resource key");
    String[] parts = canonical.split("/", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "a resource key has five parts, cluster/group/kind/namespace/name, but got '"
              + canonical
              + "'");
    }
    return new ResourceKey(parts[0], parts[1], parts[2], parts[3], parts[4]);
  }

  public boolean isApplication() {
    return ARGO_GROUP.equals(group) && APPLICATION_KIND.equals(kind);
  }

  /** {@code namespace/name}, the way Argo CD and kubectl name an object within a cluster. */
  public String namespacedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  @JsonValue
  @Override
  public String toString() {
    return cluster + "/" + group + "/" + kind + "/" + namespace + "/" + name;
  }

  @Override
  public int compareTo(ResourceKey other) {
    return toString().compareTo(other.toString());
  }

  private static void requirePart(String part, String value, boolean mayBeEmpty) {
    if (value == null || (!mayBeEmpty && value.isBlank())) {
      throw new IllegalArgumentException("a resource key needs a " + part);
    }
    if (value.indexOf('/') >= 0 || !value.strip().equals(value)) {
      throw new IllegalArgumentException(
          "the "
              + part
              + " of a resource key may not hold '/' or surrounding blanks: '"
              + value
              + "'");
    }
  }
}
