package dev.opsjournal.server.timeline;

import static dev.opsjournal.server.api.Rows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.ResourceQuery;
import dev.opsjournal.server.api.Window;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/timeline}: every journal entry about one object. */
@Tag(name = "Resources")
@RestController
class TimelineController {

  private final JdbcTemplate jdbc;
  private final JournaledResources journaled;
  private final ObjectMapper json;

  TimelineController(JdbcTemplate jdbc, ObjectMapper json, JournaledResources journaled) {
    this.jdbc = jdbc;
    this.json = json;
    this.journaled = journaled;
  }

  @Operation(
      summary = "Every journal entry about an object",
      description =
          "Appearance, changes with field manager, deletions, ownership, declarations, drifts, conflicts — in observation order, each with a one-line summary and its fields. Works for Applications too (group `argoproj.io`, kind `Application`).")
  @GetMapping("/api/v1/resources/timeline")
  Page<TimelineEntryView> timeline(
      @ParameterObject ResourceQuery resource, @ParameterObject ListQuery list) {
    ResourceKey key = resource.key();
    Window window = list.window();
    PageRequest page = list.page();
    List<TimelineEntryView> rows =
        jdbc.query(
            """
            select at, type, summary, details::text as details from timeline_entry
             where resource_key = ?
               and (cast(? as timestamptz) is null or at >= ?)
               and (cast(? as timestamptz) is null or at < ?)
             order by at, id
             limit ? offset ?
            """,
            (rs, i) ->
                new TimelineEntryView(
                    instant(rs, "at"),
                    rs.getString("type"),
                    rs.getString("summary"),
                    parse(rs.getString("details"))),
            key.toString(),
            window.fromTimestamp(),
            window.fromTimestamp(),
            window.toTimestamp(),
            window.toTimestamp(),
            page.fetch(),
            page.offset());
    if (rows.isEmpty() && page.offset() == 0 && !journaled.contains(key.toString())) {
      throw new NotFoundException("the journal holds nothing about " + key);
    }
    return page.page(rows);
  }

  private JsonNode parse(String details) {
    try {
      return json.readTree(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline entry details are not JSON", e);
    }
  }
}
