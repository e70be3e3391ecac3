package dev.opsjournal.server.simulator;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The live Deployments and Services as the API server keeps them, written to the (mock) API server:
 * the values, the tracking-id, and managedFields the way the field manager records them (a writer
 * takes over the fields it sets; entries sorted Apply first, then by whole-second time, then by
 * manager; a write that changes nothing is no write at all).
 */
final class LiveObjects {

  static final String TRACKING_ID = "argocd.argoproj.io/tracking-id";
  static final String TRACKING_FIELD = "f:metadata|f:annotations|f:" + TRACKING_ID;
  static final String REPLICAS_FIELD = "f:spec|f:replicas";
  private static final List<String> DEPLOYMENT_FIELDS =
      List.of(
          TRACKING_FIELD,
          REPLICAS_FIELD,
          "f:spec|f:selector",
          "f:spec|f:template|f:metadata|f:labels|f:app",
          "f:spec|f:template|f:spec|f:containers|k:{\"name\":\"main\"}|f:image",
          "f:spec|f:template|f:spec|f:containers|k:{\"name\":\"main\"}|f:name");
  private static final List<String> SERVICE_FIELDS =
      List.of(TRACKING_FIELD, "f:spec|f:ports", "f:spec|f:selector");

  /** One object's state: what the API server would return for it. */
  static final class Live {
    final ResourceKey key;
    String trackingId = "";
    int replicas;
    String image = "";
    long generation;
    final List<Entry> managedFields = new ArrayList<>();

    Live(ResourceKey key) {
      this.key = key;
    }

    boolean matches(App app, Manifest m) {
      return trackingId.equals(app.trackingId(m))
          && (!m.kind().equals("Deployment")
              || (replicas == m.replicas() && image.equals(m.image())));
    }
  }

  /** A managedFields entry; {@code fields} are {@code |}-separated fieldsV1 paths. */
  record Entry(String manager, String operation, Instant time, Set<String> fields) {}

  private final KubernetesClient client;
  private final String cluster;
  private final Consumer<ResourceKey> written;
  private final Map<ResourceKey, Live> objects = new LinkedHashMap<>();

  /**
   * @param written told after each write, for the caller to wait until the collectors saw it
   */
  LiveObjects(KubernetesClient client, String cluster, Consumer<ResourceKey> written) {
    this.client = client;
    this.cluster = cluster;
    this.written = written;
  }

  ResourceKey keyOf(App app, Manifest m) {
    return ResourceKey.of(cluster, m.group(), m.kind(), app.destination(), m.name());
  }

  /** The live object, or null when it does not exist. */
  Live get(ResourceKey key) {
    return objects.get(key);
  }

  /**
   * Argo CD's apply by field manager {@code argocd-controller} (server-side apply, force): the
   * desired values and tracking-id. Returns whether anything was written.
   */
  boolean apply(App app, Manifest m, Instant at) {
    ResourceKey key = keyOf(app, m);
    Live live = objects.get(key);
    boolean created = live == null;
    if (created) {
      live = new Live(key);
    } else if (live.matches(app, m)) {
      return false;
    }
    boolean specMoved = created || live.replicas != m.replicas() || !live.image.equals(m.image());
    live.trackingId = app.trackingId(m);
    live.replicas = m.replicas();
    live.image = m.image();
    if (specMoved) {
      live.generation++;
    }
    take(
        live,
        "argocd-controller",
        "Apply",
        at,
        m.kind().equals("Deployment") ? DEPLOYMENT_FIELDS : SERVICE_FIELDS);
    objects.put(key, live);
    write(live);
    return true;
  }

  /** A person's write of {@code spec.replicas} by {@code manager} ({@code kubectl-edit}, …). */
  void setReplicas(ResourceKey key, int replicas, String manager, Instant at) {
    Live live = objects.get(key);
    live.replicas = replicas;
    live.generation++;
    take(live, manager, "Update", at, List.of(REPLICAS_FIELD));
    write(live);
  }

  /** The writer now manages {@code fields}: taken from every other manager, as the API does. */
  private static void take(
      Live live, String manager, String operation, Instant at, List<String> fields) {
    Set<String> mine = new LinkedHashSet<>(fields);
    List<Entry> kept = new ArrayList<>();
    for (Entry e : live.managedFields) {
      boolean same = e.manager().equals(manager) && e.operation().equals(operation);
      if (same && operation.equals("Update")) {
        mine.addAll(e.fields());
      }
      Set<String> rest = new LinkedHashSet<>(e.fields());
      rest.removeAll(fields);
      if (!same && !rest.isEmpty()) {
        kept.add(new Entry(e.manager(), e.operation(), e.time(), rest));
      }
    }
    kept.add(new Entry(manager, operation, Timeline.metav1(at), mine));
    kept.sort(
        Comparator.comparing(Entry::operation)
            .thenComparing(Entry::time)
            .thenComparing(Entry::manager));
    live.managedFields.clear();
    live.managedFields.addAll(kept);
  }

  private void write(Live live) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    boolean deployment = live.key.kind().equals("Deployment");
    object.setApiVersion(deployment ? "apps/v1" : "v1");
    object.setKind(live.key.kind());
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    for (Entry e : live.managedFields) {
      ManagedFieldsEntry entry = new ManagedFieldsEntry();
      entry.setManager(e.manager());
      entry.setOperation(e.operation());
      entry.setApiVersion(object.getApiVersion());
      entry.setTime(e.time().toString());
      entry.setFieldsType("FieldsV1");
      FieldsV1 fields = new FieldsV1();
      fieldsV1(e.fields()).forEach(fields::setAdditionalProperty);
      entry.setFieldsV1(fields);
      entries.add(entry);
    }
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName(live.key.name())
            .withNamespace(live.key.namespace())
            .withUid("uid-" + live.key.namespace() + "-" + live.key.name())
            .withGeneration(live.generation)
            .withLabels(Map.of("app", live.key.name()))
            .withAnnotations(Map.of(TRACKING_ID, live.trackingId))
            .withManagedFields(entries)
            .build());
    Map<String, Object> selector = Map.of("app", live.key.name());
    object.setAdditionalProperty(
        "spec",
        deployment
            ? Map.of(
                "replicas",
                live.replicas,
                "selector",
                Map.of("matchLabels", selector),
                "template",
                Map.of(
                    "metadata",
                    Map.of("labels", selector),
                    "spec",
                    Map.of("containers", List.of(Map.of("name", "main", "image", live.image)))))
            : Map.of(
                "ports", List.of(Map.of("port", 80, "protocol", "TCP")), "selector", selector));
    client
        .genericKubernetesResources(context(live.key))
        .inNamespace(live.key.namespace())
        .resource(object)
        .createOr(existing -> existing.update());
    written.accept(live.key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fieldsV1(Set<String> paths) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String path : paths) {
      Map<String, Object> node = root;
      for (String segment : path.split("\\|")) {
        node = (Map<String, Object>) node.computeIfAbsent(segment, s -> new LinkedHashMap<>());
      }
    }
    return root;
  }

  static ResourceDefinitionContext context(ResourceKey key) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(key.group())
        .withVersion(key.isApplication() ? "v1alpha1" : "v1")
        .withKind(key.kind())
        .withPlural(key.kind().toLowerCase() + "s")
        .withNamespaced(true)
        .build();
  }
}
