package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SHA-256 fingerprints of desired state over canonical JSON (object keys sorted at every level,
 * list order kept), so that equal state gives equal fingerprints whatever order the API server
 * serialised it in. Before hashing, the values of sensitive env vars are replaced by their own
 * SHA-256: a change still moves the fingerprint, but the value takes part only through a hash.
 */
final class Fingerprints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Pattern> sensitiveNames;

  /**
   * @param redaction regexes searched case-insensitively in env var names
   */
  Fingerprints(List<String> redaction) {
    this.sensitiveNames =
        redaction.stream().map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE)).toList();
  }

  /** The fingerprint of a tree of maps, lists and scalars, with sensitive env values hashed. */
  String of(Object tree) {
    try {
      return sha256(JSON.writeValueAsBytes(canonical(tree, false)));
    } catch (JsonProcessingException e) {
      throw new MalformedObjectException("cannot write the desired state as JSON", e);
    }
  }

  boolean isSensitive(String envName) {
    return sensitiveNames.stream().anyMatch(p -> p.matcher(envName).find());
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * A sorted copy of the tree (the informer's cached object is never modified), with the {@code
   * value} of every {@code env} entry whose {@code name} is sensitive replaced by its hash. Any
   * {@code env} list is treated so: containers, init and ephemeral containers, in Pods, templates
   * and job templates alike.
   */
  private Object canonical(Object value, boolean inEnv) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      boolean redact = inEnv && map.get("name") instanceof String name && isSensitive(name);
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            if (redact && key.equals("value") && v != null) {
              sorted.put(key, "sha256:" + sha256(String.valueOf(v)));
            } else {
              sorted.put(key, canonical(v, key.equals("env") && v instanceof List<?>));
            }
          });
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(canonical(item, inEnv)));
      return copy;
    }
    return value;
  }
}
