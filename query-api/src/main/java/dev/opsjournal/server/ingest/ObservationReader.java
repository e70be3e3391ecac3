package dev.opsjournal.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.opsjournal.core.observation.Observation;
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

  Received read(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new MalformedObservationException("empty observation (a tombstone?)");
    }
    // UTF-8 takes at most 3 bytes per char: only a value that could be too large is encoded
    if ((long) value.length() * 3 > maxBytes) {
      int size = value.getBytes(StandardCharsets.UTF_8).length;
      if (size > maxBytes) {
        throw new MalformedObservationException(
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
      throw new MalformedObservationException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (!tree.isObject() || !tree.hasNonNull("type")) {
      throw new MalformedObservationException("an observation is a JSON object with a \"type\"");
    }
    int version = tree.path("schemaVersion").asInt(Observation.SCHEMA_VERSION);
    if (version > Observation.SCHEMA_VERSION) {
      throw new MalformedObservationException(
          "schemaVersion "
              + version
              + " is newer than this server reads ("
              + Observation.SCHEMA_VERSION
              + "): upgrade the server");
    }
    Observation observation;
    try {
      observation = json.treeToValue(tree, Observation.class);
    } catch (InvalidTypeIdException e) {
      throw new MalformedObservationException("unknown observation type " + tree.get("type"), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MalformedObservationException(
          tree.get("type").asText() + " observation: " + cause.getMessage(), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedObservationException(
          tree.get("type").asText() + " observation: " + e.getMessage(), e);
    }
    if (key != null && !key.equals(observation.subject())) {
      throw new MalformedObservationException(
          "Kafka key '"
              + key
              + "' is not the observation's subject '"
              + observation.subject()
              + "': per-subject order would not hold");
    }
    return new Received(observation, ContentDigest.of(tree));
  }
}
