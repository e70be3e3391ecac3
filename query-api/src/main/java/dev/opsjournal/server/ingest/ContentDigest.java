package dev.opsjournal.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What an observation says, without when it was seen: 128 bits of a SHA-256 over the JSON tree
 * minus its top-level {@code observedAt}, with a top-level {@code action} of {@code ADDED} or
 * {@code MODIFIED} digested alike (both say the object is there, as it is; the journal tells them
 * apart only from {@code DELETED}, and a relist after a restart says {@code ADDED} of what was last
 * seen {@code MODIFIED}). Two observations of one subject with the same digest say the same thing.
 * A cryptographic hash, because whoever writes to a cluster chooses part of the input, and a
 * collision would hide a change from the journal.
 */
record ContentDigest(long high, long low) {

  private static final String TIME_FIELD = "observedAt";
  private static final String ACTION_FIELD = "action";
  private static final Set<String> PRESENT = Set.of("ADDED", "MODIFIED");

  static ContentDigest of(JsonNode observation) {
    MessageDigest sha256 = sha256();
    Iterator<Map.Entry<String, JsonNode>> fields = observation.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals(TIME_FIELD)) {
        continue;
      }
      feed(sha256, name);
      if (name.equals(ACTION_FIELD) && PRESENT.contains(value.asText())) {
        feed(sha256, TextNode.valueOf("PRESENT"));
      } else {
        feed(sha256, value);
      }
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
    return new ContentDigest(digest.getLong(), digest.getLong());
  }

  /** Each value is tagged with its type and strings with their length, so no two trees collide. */
  private static void feed(MessageDigest sha256, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        sha256.update((byte) '{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          feed(sha256, field.getKey());
          feed(sha256, field.getValue());
        }
        sha256.update((byte) '}');
      }
      case ARRAY -> {
        sha256.update((byte) '[');
        node.forEach(element -> feed(sha256, element));
        sha256.update((byte) ']');
      }
      case NULL, MISSING -> sha256.update((byte) 'n');
      case BOOLEAN -> sha256.update(node.booleanValue() ? (byte) 't' : (byte) 'f');
      case NUMBER -> {
        sha256.update((byte) '#');
        feed(sha256, node.asText());
      }
      default -> {
        sha256.update((byte) '"');
        feed(sha256, node.asText());
      }
    }
  }

  private static void feed(MessageDigest sha256, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int length = bytes.length;
    sha256.update((byte) (length >>> 24));
    sha256.update((byte) (length >>> 16));
    sha256.update((byte) (length >>> 8));
    sha256.update((byte) length);
    sha256.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
