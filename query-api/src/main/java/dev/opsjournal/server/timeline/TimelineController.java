package dev.opsjournal.server.timeline;

import static dev.opsjournal.server.api.Rows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Params;
import dev.opsjournal.server.api.Window;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/timeline}: every journal entry about one object. */
@Tag(name = "Resources")
@RestController
class TimelineController {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  TimelineController(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Operation(
      summary = "Every journal entry about an object",
      description =
          "Appearance, changes with field manager, deletions, ownership, declarations, drifts, conflicts — in observation order, each with a one-line summary and its fields. Works for Applications too (group `argoproj.io`, kind `Application`).")
  @GetMapping("/api/v1/resources/timeline")
  Page<TimelineEntryView> timeline(
      @Parameter(description = "Cluster name, as configured for the collectors, e.g. `local`")
          @RequestParam(required = false)
          String cluster,
      @Parameter(
              description =
                  "API group of the object; empty for the core group (Services, ConfigMaps, ...)")
          @RequestParam(required = false, defaultValue = "")
          String group,
      @Parameter(description = "Kind of the object, e.g. `Deployment`")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = "Namespace of the object; empty for cluster-scoped objects")
          @RequestParam(required = false, defaultValue = "")
          String namespace,
      @Parameter(description = "Name of the object") @RequestParam(required = false) String name,
      @Parameter(description = "Start of the time range, inclusive, ISO-8601 UTC")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "End of the time range, exclusive, ISO-8601 UTC")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "Items to skip (default 0): the `nextOffset` of the previous page")
          @RequestParam(required = false)
          Integer offset) {
    ResourceKey key = Params.resource(cluster, group, kind, namespace, name);
    Window window = Window.of(from, to);
    PageRequest page = PageRequest.of(limit, offset);
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
    if (rows.isEmpty() && page.offset() == 0 && !known(key.toString())) {
      throw new NotFoundException("the journal holds nothing about " + key);
    }
    return page.page(rows);
  }

  private boolean known(String resource) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from timeline_entry where resource_key = ?)",
            Boolean.class,
            resource));
  }

  private JsonNode parse(String details) {
    try {
      return json.readTree(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline entry details are not JSON", e);
    }
  }
}
