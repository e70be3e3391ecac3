package dev.opsjournal.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.system.CapturedOutput;

/** The records of a captured structured log (one JSON object per line, as ECS writes them). */
public final class StructuredLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StructuredLog() {}

  public static List<JsonNode> records(CapturedOutput output) {
    List<JsonNode> records = new ArrayList<>();
    for (String line : output.getOut().split("\n")) {
      if (line.startsWith("{")) {
        try {
          records.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          // a line of a message that only looks like JSON: not a record
        }
      }
    }
    return records;
  }
}
