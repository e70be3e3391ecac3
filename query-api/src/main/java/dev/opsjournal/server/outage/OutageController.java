package dev.opsjournal.server.outage;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/outages}: controller and Git source outages overlapping [from, to). */
@RestController
class OutageController {

  private static final Set<String> KINDS =
      Set.of(OutageProjection.CONTROLLER, OutageProjection.GIT_SOURCE);

  private final JdbcTemplate jdbc;

  OutageController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/outages")
  Page<OutageView> outages(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    if (kind != null && !KINDS.contains(kind)) {
      throw new BadRequestException("kind", "must be one of " + KINDS);
    }
    Instant start = Params.instant("from", from);
    Instant end = Params.instant("to", to);
    Params.range(start, end);
    int size = Params.limit(limit);
    int skip = Params.offset(offset);
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
            timestamp(start),
            timestamp(start),
            timestamp(end),
            timestamp(end),
            size + 1,
            skip);
    return Page.of(rows, skip, size);
  }
}
