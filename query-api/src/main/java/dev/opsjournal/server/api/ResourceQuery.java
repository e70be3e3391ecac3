package dev.opsjournal.server.api;

import dev.opsjournal.core.ResourceKey;
import io.swagger.v3.oas.annotations.Parameter;

/** The query parameters that name one object: its {@link ResourceKey}, part by part. */
public record ResourceQuery(
    @Parameter(description = "Cluster name, as configured for the collectors, e.g. `local`")
        String cluster,
    @Parameter(
            description =
                "API group of the object; empty or absent for the core group (Services,"
                    + " ConfigMaps, ...)")
        String group,
    @Parameter(description = "Kind of the object, e.g. `Deployment`") String kind,
    @Parameter(description = "Namespace of the object; empty or absent for cluster-scoped objects")
        String namespace,
    @Parameter(description = "Name of the object") String name) {

  /** The key, or a 400 naming the missing or malformed part. */
  public ResourceKey key() {
    return Params.resource(cluster, group, kind, namespace, name);
  }
}
