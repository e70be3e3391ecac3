package dev.opsjournal.server.outage;

import static dev.opsjournal.server.api.Rows.instant;

import dev.opsjournal.server.api.Listing;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Rows;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.api.Window;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code outage}. */
@Component
public class Outages {

  /** The kind of an outage of Argo CD's controller; its subject is the cluster. */
  public static final String CONTROLLER = OutageProjection.CONTROLLER;

  /** The kind of an outage of a Git source; its subject is {@code <repoUrl>#<branch>}. */
  public static final String GIT_SOURCE = OutageProjection.GIT_SOURCE;

  /**
   * The kind of an outage of a Git repository as Argo CD saw it (its Applications' ComparisonErrors
   * that are Git errors); its subject is the repository URL, its cluster Argo CD's.
   */
  public static final String GIT_ARGO_CD = "git-argo-cd";

  /** Every kind, in the order the API names them; the gauges and the {@code kind} filter use it. */
  public static final List<String> KINDS = List.of(CONTROLLER, GIT_SOURCE, GIT_ARGO_CD);

  /**
   * Every outage: the table's controller and Git collector outages, and the view's Git outages as
   * Argo CD saw them, in one shape (the columns only the latter has are null for the others).
   */
  private static final String ALL =
      """
      (select kind, subject, started_at, detected_at, ended_at, reason,
              null::text as seen_by, null::text as cluster, null::text as repo_url,
              null::text as failure, null::text[] as applications
         from outage
       union all
       select 'git-argo-cd', repo_url, started_at, started_at, ended_at, message,
              'argo-cd', cluster, repo_url, failure, applications
         from git_outage_seen_by_argo_cd) o
      """;

  private final NamedParameterJdbcTemplate jdbc;

  Outages(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Outages of one kind or both overlapping {@code window}, by start. */
  Page<OutageView> page(String kind, Window window, PageRequest page) {
    return Listing.of("select * from " + ALL)
        .where("kind = ?", kind)
        .overlapping("started_at", "ended_at", window)
        .page(
            jdbc.getJdbcTemplate(),
            "started_at, kind, subject, cluster",
            page,
            (rs, i) -> view(rs));
  }

  /**
   * Outages of one kind ({@link #CONTROLLER}, {@link #GIT_SOURCE}, {@link #GIT_ARGO_CD}) not ended
   * yet.
   */
  public long openCount(String kind) {
    return Listing.of("select count(*) from " + ALL)
        .where("kind = ?", kind)
        .open("ended_at", true)
        .count(jdbc.getJdbcTemplate());
  }

  /**
   * Every outage, of any cluster or source, in progress at some point of the scope's instants, by
   * start; which cluster a subject concerns is the caller's to say.
   */
  public List<OutageView> overlapping(Scope scope) {
    return jdbc.query(
        """
        select * from %s
         where started_at < :end and (ended_at is null or ended_at > :start)
         order by started_at, kind, subject, cluster
        """
            .formatted(ALL),
        scope.params(),
        (rs, i) -> view(rs));
  }

  private static OutageView view(ResultSet rs) throws SQLException {
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
        rs.getString("reason"),
        rs.getString("seen_by"),
        rs.getString("cluster"),
        rs.getString("repo_url"),
        rs.getString("failure"),
        rs.getArray("applications") == null ? null : Rows.strings(rs, "applications"));
  }
}
