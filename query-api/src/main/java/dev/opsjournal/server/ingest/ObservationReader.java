package dev.opsjournal.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.server.ingest.MalformedObservationException.Reason;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Reads one observation off the wire, or says precisely why it cannot. */
@Component
class ObservationReader {

  private final ObjectMapper json;
  private final int maxBytes;

  ObservationReader(ObjectMapper json, IngestProperties properties) {
    this.json = json;
    this.maxBytes = properties.maxObservationBytes();
  }

  /** Reads and decodes one observation. */
  Observation read(String key, String value) {
    return decode(parse(key, value));
  }

  /**
   * Checks what can be checked without decoding (size, JSON, type, schema version) and digests what
   * the value says: enough to tell a repeat ({@link Repeats}) without decoding it.
   */
  Parsed parse(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new MalformedObservationException(Reason.EMPTY, "empty observation (a tombstone?)");
    }
    // UTF-8 takes at most 3 bytes per char: only a value that could be too large is encoded
    if ((long) value.length() * 3 > maxBytes) {
      int size = value.getBytes(StandardCharsets.UTF_8).length;
      if (size > maxBytes) {
        throw new MalformedObservationException(
            Reason.TOO_LARGE,
            "observation of "
                + size
                + " bytes exceeds opsjournal.ingest.max-observation-bytes="
                + maxBytes);
      }
    }
    JsonNode tree;
    try {
      tree = json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedObservationException(
          Reason.NOT_JSON, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (!tree.isObject() || !tree.hasNonNull("type")) {
      throw new MalformedObservationException(
          Reason.NO_TYPE, "an observation is a JSON object with a \"type\"");
    }
    int version = tree.path("schemaVersion").asInt(Observation.SCHEMA_VERSION);
    if (version > Observation.SCHEMA_VERSION) {
      throw new MalformedObservationException(
          Reason.NEWER_SCHEMA,
          "schemaVersion "
              + version
              + " is newer than this server reads ("
              + Observation.SCHEMA_VERSION
              + "): upgrade the server");
    }
    return new Parsed(key, tree.get("type").asText(), tree, ContentDigest.of(tree));
  }

  /** Decodes a parsed value into its observation, and checks that it is keyed by its subject. */
  Observation decode(Parsed parsed) {
    JsonNode tree = parsed.tree();
    String key = parsed.key();
    Observation observation;
    try {
      observation = json.treeToValue(tree, Observation.class);
    } catch (InvalidTypeIdException e) {
      throw new MalformedObservationException(
          Reason.UNKNOWN_TYPE, "unknown observation type " + tree.get("type"), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MalformedObservationException(
          Reason.INVALID, tree.get("type").asText() + " observation: " + cause.getMessage(), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedObservationException(
          Reason.INVALID, tree.get("type").asText() + " observation: " + e.getMessage(), e);
    }
    if (key != null && !key.equals(observation.subject())) {
      throw new MalformedObservationException(
          Reason.WRONG_KEY,
          "Kafka key '"
              + key
              + "' is not the observation's subject '"
              + observation.subject()
              + "': per-subject order would not hold");
    }
    return observation;
  }

  /**
   * A value read off the wire but not yet decoded.
   *
   * @param key the Kafka key: the subject, once decoded and checked
   * @param type the observation's {@code type}
   * @param content what it says, without when it was seen
   */
  record Parsed(String key, String type, JsonNode tree, ContentDigest content) {}
}
