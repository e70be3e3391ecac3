package dev.opsjournal.server.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.ResourceQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/timeline}: every journal entry about one object. */
@Tag(name = "Resources")
@RestController
class TimelineController {

  private final TimelineEntries entries;
  private final ObjectMapper json;

  TimelineController(TimelineEntries entries, ObjectMapper json) {
    this.entries = entries;
    this.json = json;
  }

  @Operation(
      summary = "Every journal entry about an object",
      description =
          "Appearance, changes with field manager, deletions, ownership, declarations, drifts, conflicts — in observation order, each with a one-line summary and its fields. Works for Applications too (group `argoproj.io`, kind `Application`).")
  @GetMapping("/api/v1/resources/timeline")
  Page<TimelineEntryView> timeline(
      @ParameterObject ResourceQuery resource, @ParameterObject ListQuery list) {
    ResourceKey key = resource.key();
    Page<TimelineEntries.Entry> rows = entries.page(key.toString(), list.window(), list.page());
    if (rows.items().isEmpty() && rows.offset() == 0 && !entries.contains(key.toString())) {
      throw new NotFoundException("the journal holds nothing about " + key);
    }
    return rows.map(e -> new TimelineEntryView(e.at(), e.type(), e.summary(), parse(e.details())));
  }

  private JsonNode parse(String details) {
    try {
      return json.readTree(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline entry details are not JSON", e);
    }
  }
}
