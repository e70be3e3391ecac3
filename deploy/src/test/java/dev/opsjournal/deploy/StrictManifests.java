package dev.opsjournal.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a multi-document YAML stream and deserializes every document strictly into fabric8's typed
 * model: an unknown or misspelled field, a wrong type or an unknown kind fails. Argo CD
 * Applications and Prometheus Operator's ServiceMonitors and PrometheusRules, which are not in that
 * model, are checked for required and known fields ({@link MonitoringResources} for the latter).
 */
final class StrictManifests {

  private static final YAMLMapper YAML = new YAMLMapper();

  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  /**
   * Jackson, strict: unknown properties fail, scalars are not coerced ({@code replicas: "2"} is not
   * a number for the API server either). fabric8's model classes keep unknown fields in an "any
   * setter" ({@code additionalProperties}), which would accept any misspelling silently: the
   * modifier removes it, so FAIL_ON_UNKNOWN_PROPERTIES applies to them too.
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .addModule(
              new SimpleModule("strict-fabric8")
                  .setDeserializerModifier(
                      new BeanDeserializerModifier() {
                        @Override
                        public BeanDeserializerBuilder updateBuilder(
                            DeserializationConfig config,
                            BeanDescription description,
                            BeanDeserializerBuilder builder) {
                          if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                            builder.setAnySetter(null);
                          }
                          return builder;
                        }
                      }))
          .build();

  /** Argo CD's Application fields we accept (it is not in fabric8's typed model). */
  private static final Map<String, Set<String>> ARGO_FIELDS =
      Map.of(
          "", Set.of("apiVersion", "kind", "metadata", "spec"),
          "/spec",
              Set.of(
                  "project",
                  "source",
                  "sources",
                  "destination",
                  "syncPolicy",
                  "ignoreDifferences",
                  "info",
                  "revisionHistoryLimit",
                  "sourceHydrator"),
          "/spec/source",
              Set.of(
                  "repoURL",
                  "path",
                  "targetRevision",
                  "chart",
                  "helm",
                  "kustomize",
                  "directory",
                  "plugin",
                  "ref",
                  "name"),
          "/spec/destination", Set.of("server", "name", "namespace"),
          "/spec/syncPolicy",
              Set.of("automated", "syncOptions", "retry", "managedNamespaceMetadata"),
          "/spec/syncPolicy/automated", Set.of("prune", "selfHeal", "allowEmpty", "enabled"),
          "/spec/syncPolicy/retry", Set.of("limit", "backoff", "refresh"),
          "/spec/syncPolicy/retry/backoff", Set.of("duration", "factor", "maxDuration"));

  private static final List<String> ARGO_REQUIRED =
      List.of(
          "/metadata/name",
          "/metadata/namespace",
          "/spec/project",
          "/spec/source/repoURL",
          "/spec/source/path",
          "/spec/source/targetRevision",
          "/spec/destination/namespace");

  private StrictManifests() {}

  /** Splits a multi-document YAML stream and deserializes every document strictly. */
  static List<Manifest> parse(String source, String yaml) {
    List<JsonNode> trees = new ArrayList<>();
    try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (values.hasNextValue()) {
        JsonNode tree = values.nextValue();
        if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
          trees.add(tree);
        }
      }
    } catch (IOException e) {
      throw new AssertionError(source + ": not YAML: " + e.getMessage(), e);
    }
    List<Manifest> manifests = new ArrayList<>();
    for (int i = 0; i < trees.size(); i++) {
      JsonNode tree = trees.get(i);
      String where = source + " #" + (i + 1) + " " + tree.path("kind").asText("(no kind)");
      manifests.add(new Manifest(source, i, tree, typed(where, tree)));
    }
    return manifests;
  }

  private static KubernetesResource typed(String where, JsonNode tree) {
    String apiVersion = tree.path("apiVersion").asText(null);
    String kind = tree.path("kind").asText(null);
    if (apiVersion == null || kind == null) {
      throw new AssertionError(where + ": apiVersion and kind are required");
    }
    if ("argoproj.io/v1alpha1".equals(apiVersion) && "Application".equals(kind)) {
      return argoApplication(where, tree);
    }
    if (MonitoringResources.covers(apiVersion, kind)) {
      return MonitoringResources.check(where, tree);
    }
    Class<? extends KubernetesResource> type =
        KUBERNETES.getRegisteredKubernetesResource(apiVersion, kind);
    if (type == null) {
      throw new AssertionError(
          where + ": " + apiVersion + " " + kind + " is not a kind of fabric8's typed model");
    }
    try {
      return STRICT.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          where + " " + tree.at("/metadata/name").asText() + ": " + e.getMessage(), e);
    }
  }

  private static KubernetesResource argoApplication(String where, JsonNode tree) {
    String named = where + " " + tree.at("/metadata/name").asText();
    for (var entry : ARGO_FIELDS.entrySet()) {
      JsonNode node = entry.getKey().isEmpty() ? tree : tree.at(entry.getKey());
      if (!node.isObject()) {
        continue;
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!entry.getValue().contains(field)) {
          throw new AssertionError(
              named + ": unknown field " + entry.getKey() + "/" + field + " in an Application");
        }
      }
    }
    for (String required : ARGO_REQUIRED) {
      if (tree.at(required).asText("").isBlank()) {
        throw new AssertionError(named + ": " + required + " is required");
      }
    }
    boolean server = !tree.at("/spec/destination/server").asText("").isBlank();
    boolean name = !tree.at("/spec/destination/name").asText("").isBlank();
    if (server == name) {
      throw new AssertionError(named + ": give exactly one of destination server and name");
    }
    try {
      STRICT.treeToValue(tree.get("metadata"), ObjectMeta.class);
      return KUBERNETES.convertValue(tree, GenericKubernetesResource.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new AssertionError(named + ": " + e.getMessage(), e);
    }
  }
}
