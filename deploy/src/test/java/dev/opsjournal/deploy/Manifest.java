package dev.opsjournal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.Objects;

/** One rendered (or read) document, typed, with where it came from. */
record Manifest(String source, int index, JsonNode tree, KubernetesResource object) {

  String kind() {
    return tree.path("kind").asText();
  }

  String name() {
    return tree.at("/metadata/name").asText();
  }

  String namespace() {
    JsonNode ns = tree.at("/metadata/namespace");
    return ns.isMissingNode() || ns.isNull() ? null : ns.asText();
  }

  /** group/kind/namespace/name: what Argo CD tracks an object by. */
  String identity() {
    String apiVersion = tree.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return group + "/" + kind() + "/" + Objects.toString(namespace(), "") + "/" + name();
  }

  @Override
  public String toString() {
    return source + " #" + (index + 1) + " " + kind() + " " + name();
  }
}
