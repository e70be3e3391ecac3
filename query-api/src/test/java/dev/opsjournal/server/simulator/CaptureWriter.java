package dev.opsjournal.server.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a simulation's run down as a capture in the replay format (see {@code
 * collectors/.../replay/CaptureReader}): after each write to the API server, the object as the API
 * server then keeps it, one JSON value a line, {@code {"observedAt": <the simulator's clock>,
 * "type": "ADDED"|"MODIFIED", "object": {...}}} — what {@code kubectl get --watch
 * --output-watch-events -o json} prints, stamped as the collector would have stamped it. The
 * simulator deletes nothing, so there are no DELETED values.
 */
public final class CaptureWriter implements Consumer<ResourceKey> {

  private final KubernetesClient client;
  private final Clock clock;
  private final ObjectMapper json;
  private final Set<ResourceKey> seen = new HashSet<>();
  private final Map<ResourceKey, Instant> createdAt = new HashMap<>();
  private final StringBuilder capture = new StringBuilder();
  private long lines;

  public CaptureWriter(KubernetesClient client, Clock clock, ObjectMapper json) {
    this.client = client;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public void accept(ResourceKey key) {
    GenericKubernetesResource object =
        client
            .genericKubernetesResources(LiveObjects.context(key))
            .inNamespace(key.namespace())
            .withName(key.name())
            .get();
    if (object == null) {
      throw new IllegalStateException("written but not on the API server: " + key);
    }
    Instant now = clock.instant();
    // the mock API server stamps creation with the wall clock; the simulator's time it is
    Instant created = createdAt.computeIfAbsent(key, k -> now);
    object.getMetadata().setCreationTimestamp(created.truncatedTo(ChronoUnit.SECONDS).toString());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("observedAt", now.toString());
    value.put("type", seen.add(key) ? "ADDED" : "MODIFIED");
    try {
      // as the API server sends it: the client's own serialization, not a plain mapper's
      value.put("object", json.readTree(client.getKubernetesSerialization().asJson(object)));
      capture.append(json.writeValueAsString(value)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + key + " to the capture", e);
    }
    lines++;
  }

  /** The capture so far. */
  public String capture() {
    return capture.toString();
  }

  public long lines() {
    return lines;
  }
}
