package dev.opsjournal.server.report;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Lifecycle;
import dev.opsjournal.server.report.WeekData.Rewrite;
import dev.opsjournal.server.report.WeekData.Spec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of the report's own tables, {@code report_*} (V4, V8). */
@Component
class ReportRecords {

  private static final TypeReference<Map<String, String>> DESIRED = new TypeReference<>() {};

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final JournalPolicy policy;

  ReportRecords(NamedParameterJdbcTemplate jdbc, ObjectMapper json, JournalPolicy policy) {
    this.jdbc = jdbc;
    this.json = json;
    this.policy = policy;
  }

  /** An Application's registration, change or deletion. */
  record ApplicationEvent(String key, Instant at, String kind, Spec spec) {}

  /** A person's act on an Application, from {@code report_application_actor}. */
  record Act(String key, Instant at, String action, String actor, String tool) {}

  /** An Application's sync and health status from {@code status.at()} on. */
  record KeyedStatus(String key, WeekData.Status status) {}

  /** A write to an object's desired state, with its desired values. */
  record Write(
      String resource, Instant at, String kind, String manager, Map<String, String> desired) {}

  /** Where to look for a write: the newest by a sync at or before {@code at}. */
  record InForce(String resource, Instant at) {}

  /** Where to look for a write: the first change {@code manager} made in [from, to]. */
  record FirstChange(String resource, String manager, Instant from, Instant to) {}

  /** The registrations, changes and deletions of the scope's Applications before its end. */
  List<ApplicationEvent> applicationEvents(Scope scope) {
    return jdbc.query(
        """
        select * from report_application_event
         where at < :end and %s
         order by at, application_key, kind
        """
            .formatted(Scope.inCluster("application_key")),
        scope.params(),
        (rs, i) ->
            new ApplicationEvent(
                rs.getString("application_key"),
                instant(rs, "at"),
                rs.getString("kind"),
                new Spec(
                    applicationName(rs.getString("application_key")),
                    rs.getString("repo_url"),
                    rs.getString("path"),
                    rs.getString("target_revision"),
                    rs.getString("destination_server"),
                    rs.getString("destination_name"),
                    rs.getString("destination_namespace"),
                    rs.getBoolean("automated"),
                    rs.getBoolean("self_heal"),
                    rs.getBoolean("prune"))));
  }

  /** People's acts on the scope's cluster's Applications up to its end, by time. */
  List<Act> acts(Scope scope) {
    return jdbc.query(
        """
        select * from report_application_actor
         where at < :end and %s
         order by at, application_key, action, actor
        """
            .formatted(Scope.inCluster("application_key")),
        scope.params(),
        (rs, i) ->
            new Act(
                rs.getString("application_key"),
                instant(rs, "at"),
                rs.getString("action"),
                rs.getString("actor"),
                rs.getString("component")));
  }

  /**
   * The repositories ({@link RepositoryIdentity}) any Application of {@code cluster} ever took its
   * source from: what ties a commit, a rewrite or a Git outage to a cluster.
   */
  Set<String> repositories(String cluster) {
    return jdbc
        .getJdbcTemplate()
        .queryForList(
            """
            select distinct repo_url from report_application_event
             where split_part(application_key, '/', 1) = ?
            """,
            String.class,
            cluster)
        .stream()
        .map(RepositoryIdentity::of)
        .collect(Collectors.toSet());
  }

  /** Each Application's last status before the scope's end. */
  List<KeyedStatus> statusesAtEnd(Scope scope) {
    return jdbc.query(
        """
        select distinct on (application_key) * from report_application_status
         where at < :end and %s
         order by application_key, at desc
        """
            .formatted(Scope.inCluster("application_key")),
        scope.params(),
        (rs, i) ->
            new KeyedStatus(
                rs.getString("application_key"),
                new WeekData.Status(
                    applicationName(rs.getString("application_key")),
                    rs.getString("sync_status"),
                    rs.getString("revision"),
                    rs.getString("health"),
                    instant(rs, "at"))));
  }

  /** Every force push in the scope, of any source. */
  List<Rewrite> rewrites(Scope scope) {
    return jdbc.query(
        """
        select * from report_history_rewrite
         where at >= :start and at < :end
         order by at, source
        """,
        scope.params(),
        (rs, i) ->
            new Rewrite(
                rs.getString("source"),
                instant(rs, "at"),
                rs.getString("old_head"),
                rs.getString("new_head"),
                strings(rs, "unreachable")));
  }

  /** Conditions of the scope's Applications shown at some point of it; cleared later: open. */
  List<Condition> conditions(Scope scope) {
    return jdbc.query(
        """
        select * from report_condition
         where raised_at < :end and (cleared_at is null or cleared_at > :start) and %s
         order by raised_at, application_key, type, message
        """
            .formatted(Scope.inCluster("application_key")),
        scope.params(),
        (rs, i) ->
            new Condition(
                applicationName(rs.getString("application_key")),
                rs.getString("type"),
                rs.getString("message"),
                instant(rs, "raised_at"),
                scope.known(instant(rs, "cleared_at"))));
  }

  /** Per object, its appearances, recreations and deletions in the scope, in order. */
  Map<String, List<Lifecycle>> lifecycles(Scope scope) {
    Map<String, List<Lifecycle>> lifecycles = new TreeMap<>();
    jdbc.query(
        """
        select * from report_object_write
         where at >= :start and at < :end and kind <> 'CHANGED' and %s
         order by at, kind
        """
            .formatted(Scope.inCluster("resource_key")),
        scope.params(),
        rs -> {
          lifecycles
              .computeIfAbsent(rs.getString("resource_key"), k -> new ArrayList<>())
              .add(new Lifecycle(instant(rs, "at"), rs.getString("kind"), rs.getString("manager")));
        });
    return lifecycles;
  }

  /** Every write by a sync (Argo CD's field managers) in the scope, deletions left out. */
  List<Write> syncWrites(Scope scope) {
    return jdbc.query(
        """
        select * from report_object_write
         where at >= :start and at < :end and kind <> 'DELETED'
           and manager in (:syncManagers) and %s
         order by at, resource_key, kind
        """
            .formatted(Scope.inCluster("resource_key")),
        scope.params().addValue("syncManagers", policy.syncManagers()),
        (rs, i) -> write(rs));
  }

  /** For each lookup, the newest write by a sync at or before its instant, or null. */
  List<Write> syncWritesInForce(List<InForce> lookups) {
    return lookup(
        lookups,
        """
        select * from report_object_write w
         where w.resource_key = l.r and w.at <= cast(l.f as timestamptz)
           and w.kind <> 'DELETED' and w.manager in (:syncManagers)
         order by w.at desc limit 1
        """,
        new MapSqlParameterSource()
            .addValue("syncManagers", policy.syncManagers())
            .addValue("r", texts(lookups, InForce::resource))
            .addValue("m", texts(lookups, l -> ""))
            .addValue("f", texts(lookups, l -> l.at().toString()))
            .addValue("t", texts(lookups, l -> "")));
  }

  /** For each lookup, the first change its manager made to its object in its range, or null. */
  List<Write> firstChanges(List<FirstChange> lookups) {
    return lookup(
        lookups,
        """
        select * from report_object_write w
         where w.resource_key = l.r and w.manager = l.m and w.kind = 'CHANGED'
           and w.at >= cast(l.f as timestamptz) and w.at <= cast(l.t as timestamptz)
         order by w.at limit 1
        """,
        new MapSqlParameterSource()
            .addValue("r", texts(lookups, FirstChange::resource))
            .addValue("m", texts(lookups, FirstChange::manager))
            .addValue("f", texts(lookups, l -> l.from().toString()))
            .addValue("t", texts(lookups, l -> l.to().toString())));
  }

  /**
   * One statement for many lookups, each an index lookup: {@code write} finds the write of lookup
   * {@code l} (columns r, m, f, t); the answers are in the lookups' order, null where none.
   */
  private List<Write> lookup(List<?> lookups, String write, MapSqlParameterSource params) {
    List<Write> found = new ArrayList<>();
    lookups.forEach(l -> found.add(null));
    if (lookups.isEmpty()) {
      return found;
    }
    jdbc.query(
        """
        select l.i, w.* from unnest(cast(:r as text[]), cast(:m as text[]), cast(:f as text[]),
                                    cast(:t as text[])) with ordinality as l(r, m, f, t, i)
         cross join lateral (%s) w
        """
            .formatted(write),
        params,
        rs -> {
          found.set(rs.getInt("i") - 1, write(rs));
        });
    return found;
  }

  private static <T> String[] texts(List<T> lookups, Function<T, String> value) {
    return lookups.stream().map(value).toArray(String[]::new);
  }

  private Write write(ResultSet rs) throws SQLException {
    return new Write(
        rs.getString("resource_key"),
        instant(rs, "at"),
        rs.getString("kind"),
        rs.getString("manager"),
        desired(rs.getString("desired")));
  }

  private Map<String, String> desired(String text) {
    try {
      return json.readValue(text, DESIRED);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable desired values: " + text, e);
    }
  }

  static String applicationName(String applicationKey) {
    return ResourceKey.parse(applicationKey).namespacedName();
  }
}
