package dev.opsjournal.server.drift;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code drift_episode}: drifts by window, by cluster, by actor, by page. */
@Component
public class DriftEpisodes {

  private final NamedParameterJdbcTemplate jdbc;

  DriftEpisodes(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Episodes overlapping {@code window}, of one Application or all, open, ended or both. */
  Page<DriftView> page(String application, Boolean open, Window window, PageRequest page) {
    return Listing.of("select * from drift_episode")
        .where("application = ?", application)
        .open("corrected_at", open)
        .overlapping("started_at", "corrected_at", window)
        .page(
            jdbc.getJdbcTemplate(), "started_at, resource_key, episode", page, (rs, i) -> view(rs));
  }

  /**
   * Episodes open at {@code at} (optionally of one Application), by start, as they stood then:
   * started by then, not corrected by then, so without a correction yet.
   */
  Page<DriftView> pageAt(String application, Instant at, PageRequest page) {
    return Listing.of("select * from drift_episode")
        .where("application = ?", application)
        .inProgressAt("started_at", "corrected_at", at)
        .page(
            jdbc.getJdbcTemplate(), "started_at, resource_key, episode", page, (rs, i) -> view(rs))
        .map(
            d ->
                new DriftView(
                    d.resource(),
                    d.episode(),
                    d.application(),
                    d.evidence(),
                    d.actor(),
                    d.fields(),
                    d.startedAt(),
                    d.detectedAt(),
                    true,
                    null,
                    null,
                    null,
                    null));
  }

  /** Drifts not corrected yet, of every cluster: the open-drift gauge. */
  public long openCount() {
    return Listing.of("select count(*) from drift_episode")
        .open("corrected_at", true)
        .count(jdbc.getJdbcTemplate());
  }

  /** Episodes of the scope's cluster open at some point of it, by start. */
  public List<DriftView> overlapping(Scope scope) {
    return jdbc.query(
        """
        select * from drift_episode
         where started_at < :end and (corrected_at is null or corrected_at > :start) and %s
         order by started_at, resource_key, episode
        """
            .formatted(Scope.inCluster("resource_key")),
        scope.params(),
        (rs, i) -> view(rs));
  }

  /** Episodes of {@code cluster} open at {@code at}: started by then and not corrected by then. */
  public List<DriftView> openAt(String cluster, Instant at) {
    return jdbc.getJdbcTemplate()
        .query(
            """
            select * from drift_episode
             where split_part(resource_key, '/', 1) = ? and started_at <= ?
               and (corrected_at is null or corrected_at > ?)
            """,
            (rs, i) -> view(rs),
            cluster,
            timestamp(at),
            timestamp(at));
  }

  /** The first {@code limit} episodes {@code actor} caused, started in [from, to). */
  public List<DriftView> causedBy(String actor, Instant from, Instant to, int limit) {
    return jdbc.getJdbcTemplate()
        .query(
            """
            select * from drift_episode
             where actor = ? and started_at >= ? and started_at < ?
             order by started_at, resource_key, episode limit ?
            """,
            (rs, i) -> view(rs),
            actor,
            timestamp(from),
            timestamp(to),
            limit);
  }

  private static DriftView view(ResultSet rs) throws SQLException {
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
  }
}
