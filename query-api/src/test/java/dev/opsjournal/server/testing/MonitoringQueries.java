package dev.opsjournal.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The PromQL of {@code deploy/components/monitoring}: every expression of the Grafana dashboards
 * (panel targets, variable queries) and of the PrometheusRule, read from the module's sibling
 * {@code ../deploy} (Maven runs tests in the module directory), and the metric names they read.
 * Names of the collectors' meters ({@code opsjournal_collector_…}, the Git collector's {@code
 * opsjournal_git_…}) are exposed by the collectors' process in a cluster deployment, the others by
 * the server's.
 */
public final class MonitoringQueries {

  public static final Path COMPONENT = Path.of("..", "deploy", "components", "monitoring");

  private MonitoringQueries() {}

  /** Each metric name, with the expressions (by file) that read it. */
  public static Map<String, Set<String>> names() {
    Map<String, Set<String>> names = new TreeMap<>();
    expressions()
        .forEach(
            (where, expression) ->
                PromQlNames.of(expression)
                    .forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));
    return names;
  }

  public static boolean ofCollectors(String name) {
    return name.startsWith("opsjournal_collector_") || name.startsWith("opsjournal_git_");
  }

  /** Every expression, keyed by where it is ({@code file: panel or alert}). */
  static Map<String, String> expressions() {
    Map<String, String> expressions = new TreeMap<>();
    try (Stream<Path> dashboards = Files.list(COMPONENT.resolve("dashboards"))) {
      for (Path file : dashboards.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
          int i = 0;
          for (JsonNode target : panel.path("targets")) {
            expressions.put(
                file.getFileName() + ": " + panel.path("title").asText() + " #" + ++i,
                target.path("expr").asText());
          }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
          JsonNode query = variable.path("query");
          if (variable.path("type").asText().equals("query")) {
            expressions.put(
                file.getFileName() + ": variable " + variable.path("name").asText(),
                query.isObject() ? query.path("query").asText() : query.asText());
          }
        }
      }
      JsonNode rule = new YAMLMapper().readTree(COMPONENT.resolve("prometheusrule.yaml").toFile());
      for (JsonNode group : rule.at("/spec/groups")) {
        for (JsonNode alert : group.path("rules")) {
          expressions.put(
              "prometheusrule.yaml: " + alert.path("alert").asText(), alert.path("expr").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMPONENT.toAbsolutePath(), e);
    }
    List<String> empty = new ArrayList<>();
    expressions.forEach(
        (where, expression) -> {
          if (expression.isBlank()) {
            empty.add(where);
          }
        });
    if (!empty.isEmpty() || expressions.isEmpty()) {
      throw new IllegalStateException("expressions missing in " + COMPONENT + ": " + empty);
    }
    return expressions;
  }

  /** The sample names of a scrape ({@link PrometheusText#samples}), without labels. */
  public static Set<String> sampleNames(Map<String, Double> samples) {
    Set<String> names = new TreeSet<>();
    samples.keySet().forEach(sample -> names.add(sample.replaceAll("\\{.*", "")));
    return names;
  }
}
