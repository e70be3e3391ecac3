package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the {@code fieldsV1} tree of a managedFields entry as the leaf field paths it owns. The
 * journal stores and compares these strings, so the rendering is fixed:
 *
 * <ul>
 *   <li>{@code f:name} is {@code name} when the name is a plain identifier, else {@code ["name"]}
 *       (annotation and label keys hold dots and slashes);
 *   <li>{@code k:{"name":"web","port":80}} is {@code [name=web,port=80]}, keys in the JSON's order;
 *   <li>{@code v:"x"} is {@code [x]}, {@code i:3} is {@code [3]};
 *   <li>segments join with {@code .}, except that a bracket follows its parent directly;
 *   <li>{@code .} (the node itself) is not a leaf: a leaf is a node whose value is empty or holds
 *       only {@code .}.
 * </ul>
 *
 * <p>e.g. {@code metadata.annotations["argocd.argoproj.io/tracking-id"]}, {@code
 * spec.template.spec.containers[name=main-container].ports[containerPort=80,protocol=TCP].containerPort}
 */
final class FieldPaths {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldPaths() {}

  /** The leaf paths of a {@code fieldsV1} tree, depth first in the tree's order. */
  static List<String> leaves(Map<String, Object> fieldsV1) {
    List<String> paths = new ArrayList<>();
    if (fieldsV1 != null) {
      walk(fieldsV1, "", paths);
    }
    return paths;
  }

  private static void walk(Map<?, ?> node, String prefix, List<String> paths) {
    for (Map.Entry<?, ?> entry : node.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (key.equals(".")) {
        continue;
      }
      String segment = segment(key);
      String path =
          prefix.isEmpty()
              ? segment
              : segment.startsWith("[") ? prefix + segment : prefix + "." + segment;
      if (isLeaf(entry.getValue())) {
        paths.add(path);
      } else {
        walk((Map<?, ?>) entry.getValue(), path, paths);
      }
    }
  }

  private static boolean isLeaf(Object value) {
    if (!(value instanceof Map<?, ?> children)) {
      return true;
    }
    return children.isEmpty() || (children.size() == 1 && children.containsKey("."));
  }

  /** One key of a fieldsV1 tree as a path segment. */
  static String segment(String key) {
    if (key.length() < 2 || key.charAt(1) != ':') {
      return quoted(key); // not a fieldsV1 key: keep it, unmistakably
    }
    String body = key.substring(2);
    return switch (key.charAt(0)) {
      case 'f' -> PLAIN.matcher(body).matches() ? body : quoted(body);
      case 'k' -> "[" + keyFields(body) + "]";
      case 'v' -> "[" + scalar(parse(body, key)) + "]";
      case 'i' -> "[" + body + "]";
      default -> quoted(key);
    };
  }

  private static String keyFields(String json) {
    JsonNode fields = parse(json, "k:" + json);
    if (!fields.isObject()) {
      return scalar(fields);
    }
    StringBuilder text = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      text.append(field.getKey()).append('=').append(scalar(field.getValue()));
      if (it.hasNext()) {
        text.append(',');
      }
    }
    return text.toString();
  }

  private static String scalar(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static JsonNode parse(String json, String key) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedObjectException("managedFields key " + key + " is not valid JSON", e);
    }
  }

  private static String quoted(String name) {
    return "[\"" + name + "\"]";
  }
}
