package dev.opsjournal.collectors.kubernetes;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A position in the untyped tree of a {@code GenericKubernetesResource}. Absent fields read as
 * empty (every field of a status may be missing, and old or new API versions add and drop some); a
 * field of the wrong type is a {@link MalformedObjectException}, because guessing would invent
 * facts.
 */
final class Node {

  private static final Node ABSENT = new Node(null, "");

  private final Object value;
  private final String path;

  private Node(Object value, String path) {
    this.value = value;
    this.path = path;
  }

  static Node of(Object value, String path) {
    return new Node(value, path);
  }

  /** The field {@code name} of this object; absent when this node is absent. */
  Node get(String name) {
    String child = path.isEmpty() ? name : path + "." + name;
    if (value == null) {
      return new Node(null, child);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw wrongType("an object");
    }
    return new Node(map.get(name), child);
  }

  /** Follows a dotted path of field names. */
  Node at(String dotted) {
    Node node = this;
    for (String name : dotted.split("\\.")) {
      node = node.get(name);
    }
    return node;
  }

  boolean present() {
    return value != null;
  }

  /** A scalar as text (numbers and booleans too: YAML types unquoted versions), or null. */
  String text() {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw wrongType("a string");
    }
    return value.toString();
  }

  String text(String absent) {
    String text = text();
    return text == null ? absent : text;
  }

  boolean bool() {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType("a boolean");
  }

  Long number() {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw wrongType("a number");
      }
    }
    throw wrongType("a number");
  }

  /** An RFC 3339 time ({@code metav1.Time} or {@code MicroTime}), or null. */
  Instant time() {
    String text = text();
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_DATE_TIME.parse(text, Instant::from);
    } catch (DateTimeParseException e) {
      throw new MalformedObjectException(path + " is not an RFC 3339 time", e);
    }
  }

  /** The elements of a list; an absent list is empty. */
  List<Node> list() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw wrongType("a list");
    }
    List<Node> nodes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      nodes.add(new Node(items.get(i), path + "[" + i + "]"));
    }
    return nodes;
  }

  /** The first element of a list, or an absent node. */
  Node first() {
    List<Node> items = list();
    return items.isEmpty() ? ABSENT : items.get(0);
  }

  /** An object of strings, such as labels; absent is empty. */
  Map<String, String> strings() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw wrongType("an object");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? "" : v.toString()));
    return strings;
  }

  private MalformedObjectException wrongType(String expected) {
    // the type only, never the value: a log line must not carry what redaction hides
    String actual =
        value instanceof Map<?, ?>
            ? "an object"
            : value instanceof List<?>
                ? "a list"
                : value instanceof String
                    ? "a string"
                    : value instanceof Boolean ? "a boolean" : "a number";
    return new MalformedObjectException(
        (path.isEmpty() ? "the object" : path) + " is " + actual + ", expected " + expected);
  }
}
