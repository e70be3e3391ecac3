package dev.opsjournal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Prometheus Operator's ServiceMonitor and PrometheusRule (CRDs, not in fabric8's typed model),
 * checked like Argo CD's Applications: only the fields of their CRDs (monitoring.coreos.com/v1),
 * the ones Prometheus Operator needs, and durations it accepts.
 */
final class MonitoringResources {

  static final String API_VERSION = "monitoring.coreos.com/v1";

  /** A namespaced custom resource: scoped like the CRDs these are. */
  static final class NamespacedResource extends GenericKubernetesResource implements Namespaced {}

  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");

  private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");

  private static final Map<String, Set<String>> SERVICE_MONITOR =
      Map.of(
          "/spec",
          Set.of(
              "selector",
              "endpoints",
              "namespaceSelector",
              "jobLabel",
              "targetLabels",
              "podTargetLabels",
              "sampleLimit",
              "targetLimit",
              "labelLimit",
              "attachMetadata",
              "scrapeProtocols",
              "selectorMechanism"),
          "/spec/selector",
          Set.of("matchLabels", "matchExpressions"),
          "/spec/endpoints/*",
          Set.of(
              "port",
              "targetPort",
              "path",
              "scheme",
              "params",
              "interval",
              "scrapeTimeout",
              "honorLabels",
              "honorTimestamps",
              "trackTimestampsStaleness",
              "relabelings",
              "metricRelabelings",
              "tlsConfig",
              "bearerTokenSecret",
              "authorization",
              "basicAuth",
              "oauth2",
              "proxyUrl",
              "followRedirects",
              "enableHttp2",
              "filterRunning"));

  private static final Map<String, Set<String>> PROMETHEUS_RULE =
      Map.of(
          "/spec", Set.of("groups"),
          "/spec/groups/*",
              Set.of(
                  "name",
                  "rules",
                  "interval",
                  "limit",
                  "labels",
                  "query_offset",
                  "partial_response_strategy"),
          "/spec/groups/*/rules/*",
              Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"));

  private MonitoringResources() {}

  static boolean covers(String apiVersion, String kind) {
    return API_VERSION.equals(apiVersion)
        && (kind.equals("ServiceMonitor") || kind.equals("PrometheusRule"));
  }

  static KubernetesResource check(String where, JsonNode tree) {
    String named = where + " " + tree.at("/metadata/name").asText();
    boolean monitor = tree.path("kind").asText().equals("ServiceMonitor");
    knownFields(named, tree, "", TOP);
    (monitor ? SERVICE_MONITOR : PROMETHEUS_RULE)
        .forEach(
            (path, fields) -> nodes(tree, path).forEach(n -> knownFields(named, n, path, fields)));
    require(named, !tree.at("/metadata/name").asText("").isBlank(), "metadata.name");
    if (monitor) {
      require(named, tree.at("/spec/selector").isObject(), "spec.selector");
      require(named, tree.at("/spec/endpoints").size() > 0, "spec.endpoints");
      for (JsonNode endpoint : tree.at("/spec/endpoints")) {
        require(
            named,
            endpoint.has("port") != endpoint.has("targetPort"),
            "one of endpoints[].port and targetPort");
        durations(named, endpoint, "interval", "scrapeTimeout");
      }
    } else {
      require(named, tree.at("/spec/groups").size() > 0, "spec.groups");
      for (JsonNode group : tree.at("/spec/groups")) {
        require(named, !group.path("name").asText("").isBlank(), "groups[].name");
        require(named, group.path("rules").size() > 0, "groups[].rules");
        for (JsonNode rule : group.path("rules")) {
          require(
              named, rule.has("alert") != rule.has("record"), "one of rules[].alert and record");
          require(named, !rule.path("expr").asText("").isBlank(), "rules[].expr");
          durations(named, rule, "for", "keep_firing_for");
        }
      }
    }
    try {
      return KUBERNETES.convertValue(tree, NamespacedResource.class);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(named + ": " + e.getMessage(), e);
    }
  }

  /** The nodes at a path whose {@code *} segments stand for every element of an array. */
  static List<JsonNode> nodes(JsonNode tree, String path) {
    List<JsonNode> nodes = List.of(tree);
    for (String segment : path.substring(1).split("/")) {
      nodes =
          nodes.stream()
              .flatMap(
                  n ->
                      segment.equals("*")
                          ? StreamSupport.stream(n.spliterator(), false)
                          : Stream.of(n.path(segment)))
              .filter(n -> !n.isMissingNode())
              .toList();
    }
    return nodes;
  }

  private static void knownFields(String named, JsonNode node, String path, Set<String> known) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new AssertionError(named + ": unknown field " + path + "/" + field);
      }
    }
  }

  private static void durations(String named, JsonNode node, String... fields) {
    for (String field : fields) {
      if (node.has(field) && !DURATION.matcher(node.path(field).asText()).matches()) {
        throw new AssertionError(
            named + ": " + field + " " + node.path(field) + " is not a Prometheus duration");
      }
    }
  }

  private static void require(String named, boolean present, String what) {
    if (!present) {
      throw new AssertionError(named + ": " + what + " is required");
    }
  }
}
