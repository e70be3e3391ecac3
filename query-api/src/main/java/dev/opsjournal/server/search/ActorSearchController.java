package dev.opsjournal.server.search;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?actor=}: everything an actor did in [from, to) — commits they authored
 * (by name or email), syncs they started, writes they made as a field manager, drifts they caused.
 * "What did bob change this month?"
 */
@Tag(name = "Search")
@RestController
class ActorSearchController {

  /** The longest range one search covers; page through longer periods range by range. */
  static final Duration MAX_RANGE = Duration.ofDays(92);

  private static final Duration DEFAULT_RANGE = Duration.ofDays(31);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ActorSearchController(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Operation(
      summary = "What an actor did",
      description =
          "Commits they authored, syncs they started, writes they made as a field manager and drifts they caused, in [from, to) — at most 92 days; by default the last 31 days.")
  @GetMapping("/api/v1/search")
  Page<ActorEntryView> search(
      @Parameter(
              description =
                  "A Git author (name or email), an Argo CD user, or a field manager such as `kubectl-edit`")
          @RequestParam(required = false)
          String actor,
      @ParameterObject ListQuery list) {
    if (actor == null || actor.isBlank()) {
      throw new BadRequestException("actor", "the parameter is required");
    }
    Instant end = Params.instant("to", list.to());
    Instant start = Params.instant("from", list.from());
    if (end == null) {
      end = start == null ? clock.instant() : start.plus(DEFAULT_RANGE);
    }
    if (start == null) {
      start = end.minus(DEFAULT_RANGE);
    }
    Params.range(start, end);
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new BadRequestException(
          "from", "a search covers at most " + MAX_RANGE.toDays() + " days");
    }
    PageRequest page = list.page();
    String who = actor.strip();
    List<ActorEntryView> rows =
        jdbc.query(
            """
            select * from (
              select committed_at as at, 'commit' as kind, author_name as actor,
                     repo_url || '#' || branch as subject,
                     substr(sha, 1, 12) || ' ' || split_part(message, E'\\n', 1) as summary,
                     '/api/v1/commits/' || sha as link
                from git_commit where author_name = ? or author_email = ?
              union all
              select started_at, 'sync', initiated_by, namespace || '/' || name,
                     case when partial then 'partial sync to ' else 'sync to ' end
                       || substr(revision, 1, 12) || ' ' || lower(phase),
                     '/api/v1/applications/' || namespace || '/' || name || '/syncs'
                from sync_record where initiated_by = ?
              union all
              select at, 'change', details->>'manager', resource_key, summary,
                     '/api/v1/resources/timeline?cluster=' || split_part(resource_key, '/', 1)
                       || '&group=' || split_part(resource_key, '/', 2)
                       || '&kind=' || split_part(resource_key, '/', 3)
                       || '&namespace=' || split_part(resource_key, '/', 4)
                       || '&name=' || split_part(resource_key, '/', 5)
                from timeline_entry where type = 'ResourceChanged' and details->>'manager' = ?
              union all
              select started_at, 'drift', actor, resource_key,
                     'drift #' || episode || ' of ' || application
                       || coalesce(' ended by ' || lower(replace(correction, '_', ' ')), ', open'),
                     '/api/v1/drifts?application=' || application
                from drift_episode where actor = ?
            ) entries
            where at >= ? and at < ?
            order by at, kind, subject
            limit ? offset ?
            """,
            (rs, i) ->
                new ActorEntryView(
                    instant(rs, "at"),
                    rs.getString("kind"),
                    rs.getString("actor"),
                    rs.getString("subject"),
                    rs.getString("summary"),
                    rs.getString("link")),
            who,
            who,
            who,
            who,
            who,
            timestamp(start),
            timestamp(end),
            page.fetch(),
            page.offset());
    return page.page(rows);
  }
}
