package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/owners}: who owned an object at an instant. */
@Tag(name = "Owners")
@RestController
class OwnershipController {

  private final JdbcTemplate jdbc;

  OwnershipController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "Who owned an object at an instant",
      description =
          "The Application holding the object's tracking at that instant (since when, by which tracking), the Applications declaring it, and the conflict in progress, if any. 404 when the journal holds nothing about the object.")
  @GetMapping("/api/v1/resources/owners")
  OwnershipView owners(
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
      @Parameter(
              description = "The instant to answer for, ISO-8601 UTC, e.g. `2026-11-17T12:00:00Z`")
          @RequestParam(required = false)
          String at) {
    ResourceKey key = Params.resource(cluster, group, kind, namespace, name);
    Instant instant = Params.requiredInstant("at", at);
    String resource = key.toString();
    Timestamp t = timestamp(instant);
    if (!known(resource)) {
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

  private boolean known(String resource) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from timeline_entry where resource_key = ?)",
            Boolean.class,
            resource));
  }
}
