package dev.opsjournal.server.outage;

import static dev.opsjournal.server.api.Rows.instant;

import dev.opsjournal.server.api.BadRequestException;
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
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/outages}: controller and Git source outages overlapping [from, to). */
@Tag(name = "Outages")
@RestController
class OutageController {

  private static final Set<String> KINDS =
      Set.of(OutageProjection.CONTROLLER, OutageProjection.GIT_SOURCE);

  private final JdbcTemplate jdbc;

  OutageController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "Windows when desired state was not enforced or Git was unreachable",
      description =
          "Argo CD's controller silent while collectors were alive, and Git sources that could not be fetched.")
  @GetMapping("/api/v1/outages")
  Page<OutageView> outages(
      @Parameter(
              description =
                  "`controller` (Argo CD did not reconcile) or `git-source` (a repository could not be fetched); absent: both")
          @RequestParam(required = false)
          String kind,
      @ParameterObject ListQuery list) {
    if (kind != null && !KINDS.contains(kind)) {
      throw new BadRequestException("kind", "must be one of " + KINDS);
    }
    Window window = list.window();
    PageRequest page = list.page();
    List<OutageView> rows =
        jdbc.query(
            """
            select * from outage
             where (cast(? as text) is null or kind = ?)
               and (cast(? as timestamptz) is null or ended_at is null or ended_at >= ?)
               and (cast(? as timestamptz) is null or started_at < ?)
             order by started_at, kind, subject
             limit ? offset ?
            """,
            (rs, i) -> {
              Instant startedAt = instant(rs, "started_at");
              Instant endedAt = instant(rs, "ended_at");
              return new OutageView(
                  rs.getString("kind"),
                  rs.getString("subject"),
                  startedAt,
                  instant(rs, "detected_at"),
                  endedAt == null,
                  endedAt,
                  endedAt == null ? null : Duration.between(startedAt, endedAt),
                  rs.getString("reason"));
            },
            kind,
            kind,
            window.fromTimestamp(),
            window.fromTimestamp(),
            window.toTimestamp(),
            window.toTimestamp(),
            page.fetch(),
            page.offset());
    return page.page(rows);
  }
}
