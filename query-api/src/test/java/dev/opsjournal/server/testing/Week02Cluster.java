package dev.opsjournal.server.testing;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Plays the Week 02 observations back as what the cluster held: each {@link ResourceObserved} and
 * {@link ApplicationObserved} becomes a write of the real object (metadata, managedFields, spec,
 * status) to a Kubernetes API server, for the collectors to observe. Field paths go back to {@code
 * fieldsV1}; revisions go through {@code revisions} (the scenario's placeholder shas to the real
 * commits of the repository).
 */
public final class Week02Cluster {

  private final KubernetesClient client;
  private final UnaryOperator<String> revisions;
  private final String repoUrl;

  public Week02Cluster(KubernetesClient client, UnaryOperator<String> revisions, String repoUrl) {
    this.client = client;
    this.revisions = revisions;
    this.repoUrl = repoUrl;
  }

  public void apply(ResourceObserved seen) {
    ResourceDefinitionContext context = context(seen.resource());
    var objects =
        client.genericKubernetesResources(context).inNamespace(seen.resource().namespace());
    if (seen.action() == WatchAction.DELETED) {
      objects.withName(seen.resource().name()).delete();
      return;
    }
    objects.resource(toObject(seen)).createOr(existing -> existing.update());
  }

  /** The object the cluster held when {@code seen} was observed (no resourceVersion). */
  public GenericKubernetesResource toObject(ResourceObserved seen) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(apiVersion(seen.resource()));
    object.setKind(seen.resource().kind());
    object.setMetadata(
        metadata(
            seen.resource(),
            seen.uid(),
            seen.generation(),
            seen.labels(),
            seen.annotations(),
            seen.managedFields()));
    object.setAdditionalProperty("spec", spec(seen));
    return object;
  }

  public void apply(ApplicationObserved seen) {
    ResourceDefinitionContext context = context(seen.application());
    var objects =
        client.genericKubernetesResources(context).inNamespace(seen.application().namespace());
    if (seen.action() == WatchAction.DELETED) {
      objects.withName(seen.application().name()).delete();
      return;
    }
    objects.resource(toObject(seen)).createOr(existing -> existing.update());
  }

  /** The Application as the cluster held it when {@code seen} was observed. */
  public GenericKubernetesResource toObject(ApplicationObserved seen) {
    GenericKubernetesResource app = new GenericKubernetesResource();
    app.setApiVersion("argoproj.io/v1alpha1");
    app.setKind("Application");
    app.setMetadata(
        metadata(seen.application(), seen.uid(), 1, seen.labels(), seen.annotations(), List.of()));
    ApplicationObserved.Spec spec = seen.spec();
    Map<String, Object> automated = new LinkedHashMap<>();
    automated.put("selfHeal", spec.selfHeal());
    automated.put("prune", spec.prune());
    app.setAdditionalProperty(
        "spec",
        map(
            "project", spec.project(),
            "source",
                map(
                    "repoURL",
                    repoUrl,
                    "path",
                    spec.path(),
                    "targetRevision",
                    spec.targetRevision()),
            "destination",
                map("server", spec.destinationServer(), "namespace", spec.destinationNamespace()),
            "syncPolicy", spec.automated() ? map("automated", automated) : map()));
    ApplicationObserved.Status status = seen.status();
    Map<String, Object> body = new LinkedHashMap<>();
    if (!status.syncStatus().isEmpty()) {
      body.put(
          "sync",
          map("status", status.syncStatus(), "revision", revisions.apply(status.syncRevision())));
    }
    if (!status.healthStatus().isEmpty()) {
      body.put("health", map("status", status.healthStatus()));
    }
    if (status.reconciledAt() != null) {
      body.put("reconciledAt", status.reconciledAt().toString());
    }
    if (status.operationState() != null) {
      body.put("operationState", operation(status.operationState()));
    }
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Condition c : status.conditions()) {
      conditions.add(
          map(
              "type",
              c.type(),
              "message",
              c.message(),
              "lastTransitionTime",
              String.valueOf(c.lastTransitionTime())));
    }
    if (!conditions.isEmpty()) {
      body.put("conditions", conditions);
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (DeclaredResource r : status.resources()) {
      resources.add(
          map(
              "group",
              r.group(),
              "version",
              r.version(),
              "kind",
              r.kind(),
              "namespace",
              r.namespace(),
              "name",
              r.name(),
              "status",
              r.status()));
    }
    if (!resources.isEmpty()) {
      body.put("resources", resources);
    }
    app.setAdditionalProperty("status", body);
    return app;
  }

  private Map<String, Object> operation(Operation op) {
    Map<String, Object> initiatedBy =
        op.initiatedBy().automated()
            ? map("automated", true)
            : map("username", op.initiatedBy().username());
    List<Map<String, Object>> partial = new ArrayList<>();
    for (String r : op.syncResources()) {
      String[] parts = r.split("/", -1); // group/Kind/namespace/name
      partial.add(
          map("group", parts[0], "kind", parts[1], "namespace", parts[2], "name", parts[3]));
    }
    Map<String, Object> sync = map("revision", revisions.apply(op.revision()));
    if (!partial.isEmpty()) {
      sync.put("resources", partial);
    }
    Map<String, Object> state =
        map(
            "phase",
            op.phase(),
            "message",
            op.message(),
            "operation",
            map("sync", sync, "initiatedBy", initiatedBy),
            "startedAt",
            op.startedAt().toString());
    if (op.finishedAt() != null) {
      state.put("finishedAt", op.finishedAt().toString());
    }
    return state;
  }

  private static Map<String, Object> spec(ResourceObserved seen) {
    if (!seen.resource().kind().equals("Deployment")) {
      return map(
          "ports",
          List.of(map("port", 80, "protocol", "TCP")),
          "selector",
          map("app", "ops-journal"));
    }
    List<Map<String, Object>> containers = new ArrayList<>();
    seen.desired()
        .forEach(
            (path, value) -> {
              String prefix = "spec.template.spec.containers[name=";
              if (path.startsWith(prefix)) {
                String name = path.substring(prefix.length(), path.indexOf(']'));
                containers.add(map("name", name, "image", value));
              }
            });
    return map(
        "replicas", Integer.parseInt(seen.desired().getOrDefault("spec.replicas", "1")),
        "selector", map("matchLabels", map("app", "ops-journal")),
        "template",
            map(
                "metadata",
                map("labels", map("app", "ops-journal")),
                "spec",
                map("containers", containers)));
  }

  private static ObjectMeta metadata(
      ResourceKey key,
      String uid,
      long generation,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<ManagedFieldsEntry> managedFields) {
    List<io.fabric8.kubernetes.api.model.ManagedFieldsEntry> entries = new ArrayList<>();
    for (ManagedFieldsEntry entry : managedFields) {
      io.fabric8.kubernetes.api.model.ManagedFieldsEntry written =
          new io.fabric8.kubernetes.api.model.ManagedFieldsEntry();
      written.setManager(entry.manager());
      written.setOperation(entry.operation());
      written.setSubresource(entry.subresource().isEmpty() ? null : entry.subresource());
      written.setTime(entry.time() == null ? null : entry.time().toString());
      written.setApiVersion(apiVersion(key));
      written.setFieldsType("FieldsV1");
      FieldsV1 fields = new FieldsV1();
      fieldsV1(entry.fields()).forEach(fields::setAdditionalProperty);
      written.setFieldsV1(fields);
      entries.add(written);
    }
    return new ObjectMetaBuilder()
        .withName(key.name())
        .withNamespace(key.namespace().isEmpty() ? null : key.namespace())
        .withUid(uid)
        .withGeneration(generation)
        .withLabels(labels.isEmpty() ? null : labels)
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .withManagedFields(entries.isEmpty() ? null : entries)
        .build();
  }

  /** The leaf field paths back into the nested {@code f:}/{@code k:} map Kubernetes keeps. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fieldsV1(List<String> paths) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String path : paths) {
      Map<String, Object> node = root;
      for (String segment : segments(path)) {
        node = (Map<String, Object>) node.computeIfAbsent(segment, s -> new LinkedHashMap<>());
      }
    }
    return root;
  }

  /** {@code a.b["c.d"][k=v]} → {@code f:a}, {@code f:b}, {@code f:c.d}, {@code k:{"k":"v"}}. */
  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        String inside = path.substring(i + 1, end);
        if (inside.startsWith("\"")) {
          segments.add("f:" + inside.substring(1, inside.length() - 1));
        } else {
          StringBuilder json = new StringBuilder("k:{");
          String[] pairs = inside.split(",");
          for (int p = 0; p < pairs.length; p++) {
            String[] kv = pairs[p].split("=", 2);
            json.append(p == 0 ? "" : ",")
                .append('"')
                .append(kv[0])
                .append("\":\"")
                .append(kv[1])
                .append('"');
          }
          segments.add(json.append('}').toString());
        }
        i = end + 1;
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        segments.add("f:" + path.substring(i, end));
        i = end;
      }
    }
    return segments;
  }

  private static ResourceDefinitionContext context(ResourceKey key) {
    return switch (key.kind()) {
      case "Deployment" ->
          new ResourceDefinitionContext.Builder()
              .withGroup("apps")
              .withVersion("v1")
              .withKind("Deployment")
              .withPlural("deployments")
              .withNamespaced(true)
              .build();
      case "Service" ->
          new ResourceDefinitionContext.Builder()
              .withGroup("")
              .withVersion("v1")
              .withKind("Service")
              .withPlural("services")
              .withNamespaced(true)
              .build();
      case "Application" ->
          new ResourceDefinitionContext.Builder()
              .withGroup("argoproj.io")
              .withVersion("v1alpha1")
              .withKind("Application")
              .withPlural("applications")
              .withNamespaced(true)
              .build();
      default -> throw new IllegalArgumentException("Week 02 has no " + key.kind());
    };
  }

  private static String apiVersion(ResourceKey key) {
    return switch (key.kind()) {
      case "Deployment" -> "apps/v1";
      case "Application" -> "argoproj.io/v1alpha1";
      default -> "v1";
    };
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
