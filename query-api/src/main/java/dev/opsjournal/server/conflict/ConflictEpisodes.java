package dev.opsjournal.server.conflict;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.server.api.Listing;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.api.Window;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one reader of {@code conflict_episode} and {@code conflict_flip}, through {@code
 * conflict_episode_decided} (Flyway {@code V5}): every answer carries the one decided start.
 */
@Component
public class ConflictEpisodes {

  private static final String OVERLAPPING =
      """
      select resource_key, episode from conflict_episode_decided
       where started_at < :end and (ended_at is null or ended_at > :start) and %s
      """
          .formatted(Scope.inCluster("resource_key"));

  private final NamedParameterJdbcTemplate jdbc;

  ConflictEpisodes(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One flip of a conflict's tracking from one Application to another. */
  public record Flip(
      String resource, int episode, int number, String from, String to, Instant at) {}

  /** A conflict in progress at an instant, with the flips it had had by then. */
  public record EpisodeAt(
      int episode,
      Instant startedAt,
      List<String> applications,
      Instant loopDetectedAt,
      int flipsSoFar) {}

  /** Conflicts overlapping {@code window}, open, ended or both, by start. */
  Page<ConflictView> page(Boolean open, Window window, PageRequest page) {
    return Listing.of("select * from conflict_episode_decided")
        .open("ended_at", open)
        .overlapping("started_at", "ended_at", window)
        .page(
            jdbc.getJdbcTemplate(), "started_at, resource_key, episode", page, (rs, i) -> view(rs));
  }

  /**
   * Conflicts in progress at {@code at}, by start, each as it stood then: the holder then (the
   * Application the last flip by then moved the tracking to; before any, the one the first flip
   * moved it from), the flips so far, the loop only if detected by then; open, not yet ended.
   */
  Page<ConflictView> pageAt(Instant at, PageRequest page) {
    Page<ConflictView> now =
        Listing.of("select * from conflict_episode_decided")
            .inProgressAt("started_at", "ended_at", at)
            .page(
                jdbc.getJdbcTemplate(),
                "started_at, resource_key, episode",
                page,
                (rs, i) -> view(rs));
    Map<String, List<Flip>> flips = new HashMap<>();
    if (!now.items().isEmpty()) {
      jdbc.query(
          """
          select * from conflict_flip where resource_key in (:resources)
           order by resource_key, episode, flip
          """,
          new MapSqlParameterSource(
              "resources", now.items().stream().map(ConflictView::resource).distinct().toList()),
          rs -> {
            Flip flip = flip(rs);
            flips
                .computeIfAbsent(flip.resource() + "#" + flip.episode(), k -> new ArrayList<>())
                .add(flip);
          });
    }
    return now.map(
        c -> asAt(c, flips.getOrDefault(c.resource() + "#" + c.episode(), List.of()), at));
  }

  private static ConflictView asAt(ConflictView c, List<Flip> flips, Instant at) {
    List<Flip> soFar = flips.stream().filter(f -> !f.at().isAfter(at)).toList();
    String holder =
        !soFar.isEmpty()
            ? soFar.get(soFar.size() - 1).to()
            : flips.isEmpty() ? c.holder() : flips.get(0).from();
    return new ConflictView(
        c.resource(),
        c.episode(),
        c.applications(),
        holder,
        c.applications().stream().filter(app -> !app.equals(holder)).toList(),
        soFar.size(),
        c.startedAt(),
        c.loopDetectedAt() == null || c.loopDetectedAt().isAfter(at) ? null : c.loopDetectedAt(),
        true,
        null,
        null);
  }

  /** Conflicts not ended yet, of every cluster: the open-conflict gauge. */
  public long openCount() {
    return Listing.of("select count(*) from conflict_episode")
        .open("ended_at", true)
        .count(jdbc.getJdbcTemplate());
  }

  /** Conflicts of the scope's cluster that were in progress at some point of it, by start. */
  public List<ConflictView> overlapping(Scope scope) {
    return jdbc.query(
        """
        select * from conflict_episode_decided
         where started_at < :end and (ended_at is null or ended_at > :start) and %s
         order by started_at, resource_key, episode
        """
            .formatted(Scope.inCluster("resource_key")),
        scope.params(),
        (rs, i) -> view(rs));
  }

  /** Every flip, whenever it happened, of the conflicts {@link #overlapping} returns, in order. */
  public List<Flip> flipsOf(Scope scope) {
    return jdbc.query(
        """
        select f.* from conflict_flip f join (%s) e
            on e.resource_key = f.resource_key and e.episode = f.episode
         order by f.resource_key, f.episode, f.flip
        """
            .formatted(OVERLAPPING),
        scope.params(),
        (rs, i) -> flip(rs));
  }

  private static Flip flip(ResultSet rs) throws SQLException {
    return new Flip(
        rs.getString("resource_key"),
        rs.getInt("episode"),
        rs.getInt("flip"),
        rs.getString("from_app"),
        rs.getString("to_app"),
        instant(rs, "at"));
  }

  /** The newest conflict over {@code resource} in progress at {@code at}, if any. */
  public Optional<EpisodeAt> at(String resource, Instant at) {
    JdbcTemplate plain = jdbc.getJdbcTemplate();
    return plain
        .query(
            """
            select c.episode, c.started_at, c.applications, c.loop_detected_at,
                   (select count(*) from conflict_flip f
                     where f.resource_key = c.resource_key and f.episode = c.episode
                       and f.at <= ?) as flips
              from conflict_episode_decided c
             where c.resource_key = ? and c.started_at <= ?
               and (c.ended_at is null or c.ended_at > ?)
             order by c.episode desc limit 1
            """,
            (rs, i) ->
                new EpisodeAt(
                    rs.getInt("episode"),
                    instant(rs, "started_at"),
                    strings(rs, "applications"),
                    instant(rs, "loop_detected_at"),
                    rs.getInt("flips")),
            timestamp(at),
            resource,
            timestamp(at),
            timestamp(at))
        .stream()
        .findFirst();
  }

  private static ConflictView view(ResultSet rs) throws SQLException {
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
  }
}
