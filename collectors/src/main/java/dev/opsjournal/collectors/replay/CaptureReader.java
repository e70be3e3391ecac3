package dev.opsjournal.collectors.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a capture: concatenated JSON values (pretty or one per line), each a watch event {@code
 * {"type": "ADDED|MODIFIED|DELETED", "object": {...}}} as {@code kubectl get <kind> -A --watch
 * --output-watch-events -o json} prints it, optionally wrapped as {@code {"observedAt":
 * "<ISO-8601>", "type": ..., "object": ...}}. An unwrapped value takes its time from the object:
 * the newest of its managedFields times, an Event's timestamps, an Application's {@code
 * status.reconciledAt} and {@code status.operationState.finishedAt}; failing all of those, the time
 * of the value before it. A malformed value is reported with its position and skipped; a syntax
 * error ends the reading (JSON cannot be resynchronised), keeping what was read.
 */
final class CaptureReader {

  /** A value that could not be read: where it was and why. */
  record Malformed(long index, long offset, String reason) {
    @Override
    public String toString() {
      return "value #" + index + " at offset " + offset + ": " + reason;
    }
  }

  private final ObjectMapper json;

  CaptureReader(ObjectMapper json) {
    this.json = json;
  }

  List<CapturedValue> read(Reader source, Consumer<Malformed> malformed) throws IOException {
    List<CapturedValue> values = new ArrayList<>();
    Instant previous = null;
    long index = 0;
    try (JsonParser parser = json.getFactory().createParser(source)) {
      while (true) {
        JsonToken token;
        long offset = parser.currentLocation().getCharOffset();
        try {
          token = parser.nextToken();
          if (token == null) {
            break;
          }
          offset = parser.currentTokenLocation().getCharOffset();
          JsonNode node = json.readTree(parser);
          CapturedValue value = value(index, offset, node, previous);
          values.add(value);
          previous = value.at();
        } catch (JsonProcessingException e) {
          if (e.getLocation() != null && isSyntaxError(e)) {
            malformed.accept(
                new Malformed(
                    index,
                    e.getLocation().getCharOffset(),
                    "not JSON ("
                        + e.getOriginalMessage()
                        + "); the rest of the capture is skipped"));
            break;
          }
          malformed.accept(new Malformed(index, offset, e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
          malformed.accept(new Malformed(index, offset, e.getMessage()));
        }
        index++;
      }
    }
    return values;
  }

  private static boolean isSyntaxError(JsonProcessingException e) {
    return e instanceof com.fasterxml.jackson.core.JsonParseException
        || e instanceof com.fasterxml.jackson.core.io.JsonEOFException;
  }

  private CapturedValue value(long index, long offset, JsonNode node, Instant previous) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a watch event object but " + node.getNodeType());
    }
    String type = node.path("type").asText("");
    WatchAction action;
    try {
      action = WatchAction.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "type must be ADDED, MODIFIED or DELETED, not '" + type + "'");
    }
    JsonNode object = node.get("object");
    if (object == null || !object.isObject()) {
      throw new IllegalArgumentException("no object");
    }
    GenericKubernetesResource resource;
    try {
      resource = json.treeToValue(object, GenericKubernetesResource.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("object is not a Kubernetes object: " + e.getMessage());
    }
    Instant at;
    if (node.hasNonNull("observedAt")) {
      at = time(node.get("observedAt"), "observedAt");
    } else {
      at = objectTime(object);
      if (at == null) {
        at = previous;
      }
      if (at == null) {
        throw new IllegalArgumentException(
            "no time: neither observedAt nor a managedFields, Event or status time");
      }
    }
    return new CapturedValue(index, offset, at, action, resource);
  }

  /** The newest time the object itself tells, or null. */
  static Instant objectTime(JsonNode object) {
    Instant newest = null;
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      newest = later(newest, time(entry.get("time"), "managedFields.time"));
    }
    String kind = object.path("kind").asText("");
    if (kind.equals("Event")) {
      for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
        newest = later(newest, time(object.get(field), field));
      }
      newest = later(newest, time(object.path("series").get("lastObservedTime"), "series"));
      newest = later(newest, time(object.path("metadata").get("creationTimestamp"), "created"));
    }
    JsonNode status = object.path("status");
    newest = later(newest, time(status.get("reconciledAt"), "status.reconciledAt"));
    newest =
        later(
            newest,
            time(status.path("operationState").get("finishedAt"), "operationState.finishedAt"));
    newest =
        later(
            newest,
            time(status.path("operationState").get("startedAt"), "operationState.startedAt"));
    if (newest == null) {
      newest = time(object.path("metadata").get("deletionTimestamp"), "deletionTimestamp");
    }
    if (newest == null) {
      newest = time(object.path("metadata").get("creationTimestamp"), "creationTimestamp");
    }
    return newest;
  }

  private static Instant time(JsonNode node, String field) {
    if (node == null || node.isNull() || node.asText("").isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an ISO-8601 time: " + node.asText());
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
