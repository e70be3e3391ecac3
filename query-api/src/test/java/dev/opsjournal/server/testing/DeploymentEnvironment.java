package dev.opsjournal.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a container of {@code deploy/base} gets, as the kubelet would set it: literal
 * values, and the keys it takes from the ConfigMap {@code ops-journal}; Secrets and the downward
 * API are left to the caller ({@link #field} for the latter).
 */
public final class DeploymentEnvironment {

  public static final Path BASE = Path.of("..", "deploy", "base");

  private DeploymentEnvironment() {}

  /** {@code fieldRef}s answered with {@code fields} (by field path). */
  public static Map<String, String> of(String deploymentFile, Map<String, String> fields) {
    YAMLMapper yaml = new YAMLMapper();
    try {
      JsonNode container =
          yaml.readTree(BASE.resolve(deploymentFile).toFile())
              .at("/spec/template/spec/containers/0");
      JsonNode configMap = yaml.readTree(BASE.resolve("configmap.yaml").toFile()).path("data");
      Map<String, String> env = new LinkedHashMap<>();
      for (JsonNode entry : container.path("env")) {
        String name = entry.path("name").asText();
        JsonNode from = entry.path("valueFrom");
        if (entry.has("value")) {
          env.put(name, entry.path("value").asText());
        } else if (from.has("configMapKeyRef")) {
          env.put(name, configMap.path(from.at("/configMapKeyRef/key").asText()).asText());
        } else if (from.has("fieldRef")) {
          env.put(name, field(fields, from.at("/fieldRef/fieldPath").asText()));
        }
      }
      return env;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE.resolve(deploymentFile), e);
    }
  }

  private static String field(Map<String, String> fields, String path) {
    String value = fields.get(path);
    if (value == null) {
      throw new IllegalArgumentException("the Deployment reads " + path + "; give it a value");
    }
    return value;
  }
}
