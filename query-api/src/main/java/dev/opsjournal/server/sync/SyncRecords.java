package dev.opsjournal.server.sync;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.application.SourceRevision;
import dev.opsjournal.server.api.Listing;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.api.Window;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code sync_record}: syncs by Application, revision, initiator and window. */
@Component
public class SyncRecords {

  private static final String SUCCEEDED = "'Succeeded'";

  private final NamedParameterJdbcTemplate jdbc;

  SyncRecords(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One sync operation as recorded.
   *
   * @param applicationKey the Application's resource key
   * @param phase {@code Running} until it finished
   * @param observedStartedAt when the journal saw it start, to the millisecond; null if not known
   * @param observedFinishedAt when the journal saw it end; null while running or if not known
   * @param operationId identifies the operation within the Application
   */
  public record SyncRecord(
      String applicationKey,
      String namespace,
      String name,
      String revision,
      String initiatedBy,
      boolean automated,
      boolean partial,
      String phase,
      String message,
      Instant startedAt,
      Instant finishedAt,
      Instant observedStartedAt,
      Instant observedFinishedAt,
      String operationId) {

    /** Its times, for {@link SyncAttribution}. */
    public SyncAttribution.Bracket bracket() {
      return new SyncAttribution.Bracket(
          startedAt, finishedAt, observedStartedAt, observedFinishedAt);
    }
  }

  /** Where to look for a sync: one Application's successful syncs finished in [from, to]. */
  public record Lookup(String applicationKey, Instant from, Instant to) {}

  /** Syncs of Application {@code namespace/name} (in one cluster or any) overlapping a window. */
  public Page<SyncRecord> page(
      String namespace, String name, String cluster, Window window, PageRequest page) {
    return Listing.of("select * from sync_record")
        .where("namespace = ?", namespace)
        .where("name = ?", name)
        .where("split_part(application_key, '/', 1) = ?", cluster)
        .overlapping("started_at", "coalesce(finished_at, started_at)", window)
        .page(jdbc.getJdbcTemplate(), "started_at, operation_id", page, (rs, i) -> record(rs));
  }

  /** Syncs of the scope's cluster running at some point of it, by start. */
  public List<SyncRecord> overlapping(Scope scope) {
    return jdbc.query(
        """
        select * from sync_record
         where started_at < :end and coalesce(finished_at, started_at) >= :start and %s
         order by started_at, application_key, operation_id
        """
            .formatted(Scope.inCluster("application_key")),
        scope.params(),
        (rs, i) -> record(rs));
  }

  /**
   * Per revision, per Application of the scope's cluster, its first successful sync finished before
   * the scope's end; by revision, Application.
   */
  public List<SyncRecord> firstSucceeded(Scope scope, Collection<String> revisions) {
    if (revisions.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        """
        select distinct on (revision, application_key) * from sync_record
         where revision in (:revisions) and phase = %s and finished_at < :end and %s
         order by revision, application_key, finished_at
        """
            .formatted(SUCCEEDED, Scope.inCluster("application_key")),
        scope.params().addValue("revisions", List.copyOf(revisions)),
        (rs, i) -> record(rs));
  }

  /** Per Application key of the scope's cluster, the revision it last synced before the start. */
  public Map<String, String> revisionsAtStart(Scope scope) {
    Map<String, String> revisions = new LinkedHashMap<>();
    jdbc.query(
        """
        select distinct on (application_key) application_key, revision from sync_record
         where phase = %s and finished_at < :start and %s
         order by application_key, finished_at desc
        """
            .formatted(SUCCEEDED, Scope.inCluster("application_key")),
        scope.params(),
        rs -> {
          revisions.put(rs.getString("application_key"), rs.getString("revision"));
        });
    return revisions;
  }

  /**
   * For each lookup, the last successful sync it asks for, or null: one statement for all of them,
   * each an index lookup.
   */
  public List<SyncRecord> lastSucceeded(List<Lookup> lookups) {
    List<SyncRecord> found = new ArrayList<>();
    lookups.forEach(l -> found.add(null));
    if (lookups.isEmpty()) {
      return found;
    }
    jdbc.query(
        """
        select l.i, s.* from unnest(cast(:keys as text[]), cast(:froms as text[]),
                                    cast(:tos as text[])) with ordinality as l(k, f, t, i)
         cross join lateral (
           select * from sync_record s
            where s.application_key = l.k and s.phase = %s
              and s.finished_at >= cast(l.f as timestamptz)
              and s.finished_at <= cast(l.t as timestamptz)
            order by s.finished_at desc limit 1) s
        """
            .formatted(SUCCEEDED),
        new MapSqlParameterSource()
            .addValue("keys", lookups.stream().map(Lookup::applicationKey).toArray(String[]::new))
            .addValue(
                "froms", lookups.stream().map(l -> l.from().toString()).toArray(String[]::new))
            .addValue("tos", lookups.stream().map(l -> l.to().toString()).toArray(String[]::new)),
        rs -> {
          found.set(rs.getInt("i") - 1, record(rs));
        });
    return found;
  }

  /** Every sync of {@code revision}, by start. */
  public List<SyncRecord> ofRevision(String revision) {
    return jdbc.getJdbcTemplate()
        .query(
            """
            select * from sync_record r
             where r.revision = ?
                or exists (select 1 from sync_source_revision s
                            where s.application_key = r.application_key
                              and s.operation_id = r.operation_id
                              and s.revision = ? and s.chart = '')
             order by r.started_at, r.application_key
            """,
            (rs, i) -> record(rs),
            revision,
            revision);
  }

  /**
   * The revision of each source of the given syncs of multi-source Applications, in the order of
   * {@code spec.sources}, by {@link #sourceKey}; a single-source sync has none.
   */
  public Map<String, List<SourceRevision>> sourcesOf(Collection<SyncRecord> syncs) {
    Map<String, List<SourceRevision>> sources = new LinkedHashMap<>();
    if (syncs.isEmpty()) {
      return sources;
    }
    List<String> keys = syncs.stream().map(SyncRecord::applicationKey).distinct().toList();
    jdbc.query(
        """
        select application_key, operation_id, repo_url, revision, chart from sync_source_revision
         where application_key in (:keys) order by application_key, operation_id, position
        """,
        new MapSqlParameterSource("keys", keys),
        rs -> {
          sources
              .computeIfAbsent(
                  rs.getString("application_key") + " " + rs.getString("operation_id"),
                  k -> new ArrayList<>())
              .add(
                  new SourceRevision(
                      rs.getString("repo_url"), rs.getString("revision"), rs.getString("chart")));
        });
    return sources;
  }

  /** The key of a sync in {@link #sourcesOf}. */
  public static String sourceKey(SyncRecord sync) {
    return sync.applicationKey() + " " + sync.operationId();
  }

  /** The first {@code limit} syncs {@code initiator} started in [from, to). */
  public List<SyncRecord> startedBy(String initiator, Instant from, Instant to, int limit) {
    return jdbc.getJdbcTemplate()
        .query(
            """
            select * from sync_record
             where initiated_by = ? and started_at >= ? and started_at < ?
             order by started_at, namespace, name, operation_id limit ?
            """,
            (rs, i) -> record(rs),
            initiator,
            timestamp(from),
            timestamp(to),
            limit);
  }

  private static SyncRecord record(ResultSet rs) throws SQLException {
    return new SyncRecord(
        rs.getString("application_key"),
        rs.getString("namespace"),
        rs.getString("name"),
        rs.getString("revision"),
        rs.getString("initiated_by"),
        rs.getBoolean("automated"),
        rs.getBoolean("partial"),
        rs.getString("phase"),
        rs.getString("message"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        instant(rs, "observed_started_at"),
        instant(rs, "observed_finished_at"),
        rs.getString("operation_id"));
  }
}
