package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Params;
import dev.opsjournal.server.api.ResourceQuery;
import dev.opsjournal.server.timeline.JournaledResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/owners}: who owned an object at an instant. */
@Tag(name = "Owners")
@RestController
class OwnershipController {

  private final JdbcTemplate jdbc;
  private final JournaledResources journaled;

  OwnershipController(JdbcTemplate jdbc, JournaledResources journaled) {
    this.jdbc = jdbc;
    this.journaled = journaled;
  }

  @Operation(
      summary = "Who owned an object at an instant",
      description =
          "The Application holding the object's tracking at that instant (since when, by which tracking), the Applications declaring it, and the conflict in progress, if any. 404 when the journal holds nothing about the object.")
  @GetMapping("/api/v1/resources/owners")
  OwnershipView owners(
      @ParameterObject ResourceQuery object,
      @Parameter(
              description = "The instant to answer for, ISO-8601 UTC, e.g. `2026-11-17T12:00:00Z`")
          @RequestParam(required = false)
          String at) {
    ResourceKey key = object.key();
    Instant instant = Params.requiredInstant("at", at);
    String resource = key.toString();
    Timestamp t = timestamp(instant);
    if (!journaled.contains(resource)) {
      throw new NotFoundException("the journal holds nothing about " + resource);
    }

    Optional<OwnershipView.Owner> holder =
        jdbc
            .query(
                """
                select application, tracking, valid_from from ownership_interval
                 where resource_key = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                 order by valid_from desc limit 1
                """,
                (rs, i) ->
                    new OwnershipView.Owner(
                        rs.getString("application"),
                        instant(rs, "valid_from"),
                        rs.getString("tracking"),
                        true),
                resource,
                t,
                t)
            .stream()
            .findFirst();

    List<String> declaredBy =
        jdbc.queryForList(
            """
            select distinct application from declaration_interval
             where resource_key = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
             order by application
            """,
            String.class,
            resource,
            t,
            t);

    OwnershipView.ConflictAt conflict =
        jdbc
            .query(
                """
                select c.episode, c.started_at, c.applications, c.loop_detected_at,
                       (select count(*) from conflict_flip f
                         where f.resource_key = c.resource_key and f.episode = c.episode
                           and f.at <= ?) as flips
                  from conflict_episode c
                 where c.resource_key = ? and c.started_at <= ?
                   and (c.ended_at is null or c.ended_at > ?)
                 order by c.episode desc limit 1
                """,
                (rs, i) -> {
                  Instant loopAt = instant(rs, "loop_detected_at");
                  return new OwnershipView.ConflictAt(
                      rs.getInt("episode"),
                      instant(rs, "started_at"),
                      strings(rs, "applications"),
                      holder.map(OwnershipView.Owner::application).orElse(""),
                      rs.getInt("flips"),
                      loopAt != null && !loopAt.isAfter(instant));
                },
                t,
                resource,
                t,
                t)
            .stream()
            .findFirst()
            .orElse(null);

    List<OwnershipView.Owner> owners = new ArrayList<>();
    holder.ifPresent(owners::add);
    if (conflict != null) {
      conflict.applications().stream()
          .filter(app -> holder.map(h -> !h.application().equals(app)).orElse(true))
          .forEach(
              app -> owners.add(new OwnershipView.Owner(app, conflict.since(), "CONFLICT", false)));
    }
    return new OwnershipView(resource, instant, owners, declaredBy, conflict != null, conflict);
  }
}
