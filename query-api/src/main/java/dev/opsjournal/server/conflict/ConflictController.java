package dev.opsjournal.server.conflict;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;

import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Window;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/conflicts}: conflicts overlapping [from, to), open or closed. */
@Tag(name = "Conflicts")
@RestController
class ConflictController {

  private final JdbcTemplate jdbc;

  ConflictController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "Conflicts between Applications",
      description =
          "Conflicts overlapping the range: the Applications claiming one object, the holder (winner so far) and the losers, the number of flips, and when a reconciliation loop was detected.")
  @GetMapping("/api/v1/conflicts")
  Page<ConflictView> conflicts(
      @Parameter(description = "`true`: only open ones; `false`: only ended ones; absent: both")
          @RequestParam(required = false)
          Boolean open,
      @ParameterObject ListQuery list) {
    Window window = list.window();
    PageRequest page = list.page();
    List<ConflictView> rows =
        jdbc.query(
            """
            select * from conflict_episode
             where (cast(? as boolean) is null or (ended_at is null) = ?)
               and (cast(? as timestamptz) is null or ended_at is null or ended_at >= ?)
               and (cast(? as timestamptz) is null or started_at < ?)
             order by started_at, resource_key, episode
             limit ? offset ?
            """,
            (rs, i) -> {
              List<String> applications = strings(rs, "applications");
              String holder = rs.getString("holder");
              Instant endedAt = instant(rs, "ended_at");
              return new ConflictView(
                  rs.getString("resource_key"),
                  rs.getInt("episode"),
                  applications,
                  holder,
                  applications.stream().filter(app -> !app.equals(holder)).toList(),
                  rs.getInt("flips"),
                  instant(rs, "started_at"),
                  instant(rs, "loop_detected_at"),
                  endedAt == null,
                  endedAt,
                  rs.getString("winner"));
            },
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
