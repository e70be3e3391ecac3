package dev.opsjournal.server.drift;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;

import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Window;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/drifts}: drift episodes overlapping [from, to), optionally of one Application
 * ({@code namespace/name}) and only open or only closed ones.
 */
@Tag(name = "Drift")
@RestController
class DriftController {

  private final JdbcTemplate jdbc;

  DriftController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "Drift episodes",
      description =
          "Episodes overlapping the range: what moved (fields), who moved it (field manager), the evidence, how it ended and how long it lasted.")
  @GetMapping("/api/v1/drifts")
  Page<DriftView> drifts(
      @Parameter(description = "Only drifts of this Application, as `namespace/name`")
          @RequestParam(required = false)
          String application,
      @Parameter(description = "`true`: only open ones; `false`: only ended ones; absent: both")
          @RequestParam(required = false)
          Boolean open,
      @ParameterObject ListQuery list) {
    Window window = list.window();
    PageRequest page = list.page();
    List<DriftView> rows =
        jdbc.query(
            """
            select * from drift_episode
             where (cast(? as text) is null or application = ?)
               and (cast(? as boolean) is null or (corrected_at is null) = ?)
               and (cast(? as timestamptz) is null or corrected_at is null or corrected_at >= ?)
               and (cast(? as timestamptz) is null or started_at < ?)
             order by started_at, resource_key, episode
             limit ? offset ?
            """,
            (rs, i) -> {
              Instant correctedAt = instant(rs, "corrected_at");
              long durationMs = rs.getLong("duration_ms");
              return new DriftView(
                  rs.getString("resource_key"),
                  rs.getInt("episode"),
                  rs.getString("application"),
                  rs.getString("evidence"),
                  rs.getString("actor"),
                  strings(rs, "fields"),
                  instant(rs, "started_at"),
                  instant(rs, "detected_at"),
                  correctedAt == null,
                  correctedAt,
                  rs.getString("correction"),
                  rs.getString("corrected_by"),
                  correctedAt == null ? null : Duration.ofMillis(durationMs));
            },
            application,
            application,
            open,
            open,
            window.fromTimestamp(),
            window.fromTimestamp(),
            window.toTimestamp(),
            window.toTimestamp(),
            page.fetch(),
            page.offset());
    return page.page(rows);
  }
}
