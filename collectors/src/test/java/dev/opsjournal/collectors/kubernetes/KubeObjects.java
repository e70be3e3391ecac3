package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Writes objects to the (mock) API server the way kubectl would, through generic resources. */
final class KubeObjects {

  private KubeObjects() {}

  /** A small valid object of the kind, in namespace {@code shop} when namespaced. */
  static GenericKubernetesResource sample(TrackedKind kind, String name) {
    String metadata =
        kind.namespaced()
            ? "metadata: {name: %s, namespace: shop, labels: {app: %s}}".formatted(name, name)
            : "metadata: {name: %s, labels: {app: %s}}".formatted(name, name);
    String body =
        switch (kind.kind()) {
          case "Deployment", "StatefulSet", "DaemonSet" ->
              """
              spec:
                replicas: 1
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: web}}
                  spec:
                    containers:
                    - {name: web, image: "nginx:1.27", env: [{name: API_TOKEN, value: t0k3n}]}
              """;
          case "Service" -> "spec: {selector: {app: web}, ports: [{port: 80, protocol: TCP}]}\n";
          case "ConfigMap" -> "data: {level: info}\n";
          case "Secret" -> "type: Opaque\ndata: {password: aHVudGVyMg==}\n";
          case "Ingress" ->
              """
              spec:
                rules:
                - host: shop.example
                  http:
                    paths:
                    - path: /
                      pathType: Prefix
                      backend: {service: {name: web, port: {number: 80}}}
              """;
          default -> "";
        };
    return Fixtures.yaml(
        "apiVersion: "
            + kind.apiVersion()
            + "\nkind: "
            + kind.kind()
            + "\n"
            + metadata
            + "\n"
            + body);
  }

  static GenericKubernetesResource create(
      KubernetesClient client, TrackedKind kind, GenericKubernetesResource object) {
    return in(client, kind, object.getMetadata().getNamespace()).resource(object).create();
  }

  /** Changes the desired state: a spec field, a data key, or (for Namespaces) a label. */
  @SuppressWarnings("unchecked")
  static GenericKubernetesResource edit(
      KubernetesClient client, TrackedKind kind, String namespace, String name) {
    return edit(
        client,
        kind,
        namespace,
        name,
        object -> {
          Map<String, Object> body = object.getAdditionalProperties();
          if (body.get("spec") instanceof Map<?, ?> spec) {
            ((Map<String, Object>) spec).put("minReadySeconds", 5);
          } else if (body.get("data") instanceof Map<?, ?> data) {
            ((Map<String, Object>) data).put("edited", "eWVz");
          }
          Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels());
          labels.put("edited", "yes");
          object.getMetadata().setLabels(labels);
          return object;
        });
  }

  static GenericKubernetesResource edit(
      KubernetesClient client,
      TrackedKind kind,
      String namespace,
      String name,
      UnaryOperator<GenericKubernetesResource> change) {
    return in(client, kind, namespace).withName(name).edit(change);
  }

  static void delete(KubernetesClient client, TrackedKind kind, String namespace, String name) {
    in(client, kind, namespace).withName(name).delete();
  }

  static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      in(KubernetesClient client, TrackedKind kind, String namespace) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        all = client.genericKubernetesResources(kind.context());
    return kind.namespaced() ? all.inNamespace(namespace) : all;
  }
}
