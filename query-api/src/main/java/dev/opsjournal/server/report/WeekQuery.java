package dev.opsjournal.server.report;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.OperationPhase;
import dev.opsjournal.server.report.WeekData.ApplicationChange;
import dev.opsjournal.server.report.WeekData.Commit;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.Lifecycle;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Ran;
import dev.opsjournal.server.report.WeekData.Rewrite;
import dev.opsjournal.server.report.WeekData.SourceHistory;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Start;
import dev.opsjournal.server.report.WeekData.Status;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers one ISO week from the read models into {@link WeekData}. Whatever happened after the
 * week's end is cut off (an episode ended later is open here), so a past week reads the same
 * whenever it is asked for.
 */
@Component
class WeekQuery {

  /** A repository URL without case, trailing slashes or {@code .git}, as the journal compares. */
  private static final String SAME_REPO =
      "regexp_replace(lower(trim(%s)), '(\\.git)?/*$', '') = regexp_replace(lower(trim(%s)),"
          + " '(\\.git)?/*$', '')";

  private static final TypeReference<Map<String, String>> DESIRED = new TypeReference<>() {};

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final JournalPolicy policy;

  WeekQuery(NamedParameterJdbcTemplate jdbc, ObjectMapper json, JournalPolicy policy) {
    this.jdbc = jdbc;
    this.json = json;
    this.policy = policy;
  }

  WeekData find(IsoWeek week, String cluster) {
    return new Gathering(week, cluster).gather();
  }

  /** One week's gathering: its parameters, and what earlier steps found that later ones use. */
  private final class Gathering {

    private final IsoWeek week;
    private final String cluster;
    private final Instant start;
    private final Instant end;
    private final MapSqlParameterSource params;
    private final List<KeyedSync> syncs = new ArrayList<>();
    private final Map<String, List<Sync>> syncsByKey = new LinkedHashMap<>();

    Gathering(IsoWeek week, String cluster) {
      this.week = week;
      this.cluster = cluster;
      this.start = week.start();
      this.end = week.end();
      this.params =
          new MapSqlParameterSource()
              .addValue("cluster", cluster, Types.VARCHAR)
              .addValue("start", Timestamp.from(start))
              .addValue("end", Timestamp.from(end))
              .addValue("syncManagers", policy.syncManagers());
    }

    WeekData gather() {
      List<ApplicationEvent> applicationEvents = applicationEvents();
      syncs.addAll(syncs());
      syncs.forEach(s -> syncsByKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.sync()));
      List<Tenure> tenures = tenures();
      List<Commit> commits = commits();
      List<Rewrite> rewrites = rewrites();
      List<Outage> outages = outages();
      List<Conflict> conflicts = conflicts();
      List<Drift> drifts = drifts();
      List<Condition> conditions = conditions();
      int entries =
          timelineEntries()
              + commits.size()
              + rewrites.size()
              + (int)
                  outages.stream()
                      .filter(o -> inWeek(o.startedAt()) || inWeek(o.endedAt()))
                      .count();
      return new WeekData(
          week,
          cluster,
          entries,
          start(applicationEvents, tenures),
          applicationEvents.stream()
              .filter(e -> !e.at().isBefore(start))
              .map(e -> new ApplicationChange(e.at(), e.kind(), e.spec()))
              .toList(),
          commits,
          rewrites,
          environments(applicationEvents, tenures),
          objects(tenures),
          drifts,
          conflicts,
          outages,
          conditions,
          syncs.stream()
              .map(KeyedSync::sync)
              .filter(s -> OperationPhase.of(s.phase()).failed())
              .toList(),
          statusAtEnd(applicationEvents));
    }

    // --- what was there before the week ---

    private Start start(List<ApplicationEvent> applicationEvents, List<Tenure> tenures) {
      List<Spec> applications =
          latestPerApplication(applicationEvents, start).stream()
              .filter(e -> !e.kind().equals(ReportProjection.DELETED))
              .map(ApplicationEvent::spec)
              .toList();
      List<SourceHistory> sources =
          jdbc.query(
              """
              select distinct on (g.source) g.*, count(*) over (partition by g.source) as total
                from git_commit g
               where g.recorded_at < :start and %s
               order by g.source, g.recorded_at desc, g.sha
              """
                  .formatted(repoInCluster("g.repo_url")),
              params,
              (rs, i) -> new SourceHistory(rs.getString("source"), rs.getInt("total"), commit(rs)));
      List<Tenure> holdings = tenures.stream().filter(t -> t.from().isBefore(start)).toList();
      return new Start(applications, sources, holdings);
    }

    // --- Applications ---

    private List<ApplicationEvent> applicationEvents() {
      return jdbc.query(
          """
          select * from report_application_event
           where at < :end and %s
           order by at, application_key, kind
          """
              .formatted(inCluster("application_key")),
          params,
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

    /** Each Application's newest registration, change or deletion before {@code instant}. */
    private List<ApplicationEvent> latestPerApplication(
        List<ApplicationEvent> events, Instant instant) {
      Map<String, ApplicationEvent> latest = new TreeMap<>();
      events.stream().filter(e -> e.at().isBefore(instant)).forEach(e -> latest.put(e.key(), e));
      return List.copyOf(latest.values());
    }

    private List<Status> statusAtEnd(List<ApplicationEvent> applicationEvents) {
      Set<String> gone =
          latestPerApplication(applicationEvents, end).stream()
              .filter(e -> e.kind().equals(ReportProjection.DELETED))
              .map(ApplicationEvent::key)
              .collect(Collectors.toSet());
      return jdbc
          .query(
              """
              select distinct on (application_key) * from report_application_status
               where at < :end and %s
               order by application_key, at desc
              """
                  .formatted(inCluster("application_key")),
              params,
              (rs, i) ->
                  gone.contains(rs.getString("application_key"))
                      ? null
                      : new Status(
                          applicationName(rs.getString("application_key")),
                          rs.getString("sync_status"),
                          rs.getString("revision"),
                          rs.getString("health"),
                          instant(rs, "at")))
          .stream()
          .filter(Objects::nonNull)
          .toList();
    }

    // --- Git ---

    private List<Commit> commits() {
      List<Commit> commits =
          jdbc.query(
              """
              select g.* from git_commit g
               where g.recorded_at >= :start and g.recorded_at < :end and %s
               order by g.recorded_at, g.committed_at, g.sha
              """
                  .formatted(repoInCluster("g.repo_url")),
              params,
              (rs, i) -> commit(rs));
      if (commits.isEmpty()) {
        return commits;
      }
      // where each commit ran: one statement for all of them, not one per commit
      Map<String, List<Sync>> firstRuns = new TreeMap<>();
      jdbc.query(
          """
          select distinct on (revision, application_key) * from sync_record
           where revision in (:shas) and phase = 'Succeeded' and finished_at < :end and %s
           order by revision, application_key, finished_at
          """
              .formatted(inCluster("application_key")),
          new MapSqlParameterSource(params.getValues())
              .addValue("shas", commits.stream().map(Commit::sha).distinct().toList()),
          rs -> {
            firstRuns
                .computeIfAbsent(rs.getString("revision"), k -> new ArrayList<>())
                .add(sync(rs));
          });
      return commits.stream()
          .map(
              c ->
                  new Commit(
                      c.source(),
                      c.sha(),
                      c.author(),
                      c.committedAt(),
                      c.recordedAt(),
                      c.message(),
                      c.affectedApplications(),
                      firstRuns.getOrDefault(c.sha(), List.of()).stream()
                          .sorted(Comparator.comparing(Sync::finishedAt))
                          .map(first -> new Ran(first.application(), first))
                          .toList()))
          .toList();
    }

    /** A commit as recorded; where it ran is added by {@link #commits} (not needed before). */
    private Commit commit(ResultSet rs) throws SQLException {
      return new Commit(
          rs.getString("source"),
          rs.getString("sha"),
          rs.getString("author_name"),
          instant(rs, "committed_at"),
          instant(rs, "recorded_at"),
          rs.getString("message"),
          strings(rs, "affected_applications"),
          List.of());
    }

    private List<Rewrite> rewrites() {
      return jdbc.query(
          """
          select * from report_history_rewrite
           where at >= :start and at < :end and %s
           order by at, source
          """
              .formatted(repoInCluster("regexp_replace(source, '#[^#]*$', '')")),
          params,
          (rs, i) ->
              new Rewrite(
                  rs.getString("source"),
                  instant(rs, "at"),
                  rs.getString("old_head"),
                  rs.getString("new_head"),
                  strings(rs, "unreachable")));
    }

    // --- syncs and what they deployed ---

    private List<KeyedSync> syncs() {
      return jdbc.query(
          """
          select * from sync_record
           where started_at < :end and coalesce(finished_at, started_at) >= :start and %s
           order by started_at, application_key, operation_id
          """
              .formatted(inCluster("application_key")),
          params,
          (rs, i) -> new KeyedSync(rs.getString("application_key"), sync(rs)));
    }

    private Sync sync(ResultSet rs) throws SQLException {
      return sync(rs, "");
    }

    /** A sync_record row, its columns named with {@code prefix}. */
    private Sync sync(ResultSet rs, String prefix) throws SQLException {
      Instant finishedAt = instant(rs, prefix + "finished_at");
      boolean endedInWeek = finishedAt != null && finishedAt.isBefore(end);
      return new Sync(
          applicationName(rs.getString(prefix + "application_key")),
          rs.getString(prefix + "revision"),
          rs.getString(prefix + "initiated_by"),
          rs.getBoolean(prefix + "automated"),
          rs.getBoolean(prefix + "partial"),
          endedInWeek ? rs.getString(prefix + "phase") : "Running",
          endedInWeek ? rs.getString(prefix + "message") : "",
          instant(rs, prefix + "started_at"),
          endedInWeek ? finishedAt : null);
    }

    private List<Environment> environments(
        List<ApplicationEvent> applicationEvents, List<Tenure> tenures) {
      Map<String, String> revisionAtStart = new TreeMap<>();
      jdbc.query(
          """
          select distinct on (application_key) application_key, revision from sync_record
           where phase = 'Succeeded' and finished_at < :start and %s
           order by application_key, finished_at desc
          """
              .formatted(inCluster("application_key")),
          params,
          rs -> {
            revisionAtStart.put(rs.getString("application_key"), rs.getString("revision"));
          });
      Map<String, Map<String, Map<String, List<String>>>> deployed = deployedValues(tenures);

      // who held something, by cluster and Application name: a set, not a scan per Application
      Set<String> holders = new HashSet<>();
      tenures.forEach(
          t -> holders.add(ResourceKey.parse(t.resource()).cluster() + "|" + t.application()));
      List<Environment> environments = new ArrayList<>();
      for (ApplicationEvent latest : latestPerApplication(applicationEvents, end)) {
        boolean goneBeforeWeek =
            latest.kind().equals(ReportProjection.DELETED) && latest.at().isBefore(start);
        String name = latest.spec().application();
        List<Sync> own = List.copyOf(syncsByKey.getOrDefault(latest.key(), List.of()));
        boolean heldSomething =
            holders.contains(ResourceKey.parse(latest.key()).cluster() + "|" + name);
        if (goneBeforeWeek || (own.isEmpty() && !heldSomething)) {
          continue;
        }
        environments.add(
            new Environment(
                latest.spec(),
                revisionAtStart.getOrDefault(latest.key(), ""),
                own,
                deployed.getOrDefault(latest.key(), Map.of()).entrySet().stream()
                    .map(e -> new Deployed(e.getKey(), e.getValue()))
                    .toList()));
      }
      return environments;
    }

    /**
     * Per Application key, per object it owned in the week, the desired values Argo CD's syncs put
     * there while it owned it: those in force when its tenure (or the week) began, and every sync
     * write after. Writes by people are drift, not deployment, and are left out.
     */
    private Map<String, Map<String, Map<String, List<String>>>> deployedValues(
        List<Tenure> tenures) {
      // the values in force when each tenure (or the week) began: one statement for all the
      // week's tenures (the same intervals as tenures()), each an index lookup
      List<Write> writes =
          new ArrayList<>(
              jdbc.query(
                  """
                  select w.resource_key, o.tenure_from as at, w.kind, w.manager, w.desired,
                         o.application
                    from (select resource_key, application,
                                 greatest(valid_from, cast(:start as timestamptz)) as tenure_from
                            from ownership_interval
                           where valid_from < :end and (valid_to is null or valid_to > :start)
                             and %s) o
                    cross join lateral (
                      select * from report_object_write w
                       where w.resource_key = o.resource_key and w.at <= o.tenure_from
                         and w.kind <> 'DELETED' and w.manager in (:syncManagers)
                       order by w.at desc limit 1) w
                   order by o.resource_key, o.tenure_from
                  """
                      .formatted(inCluster("resource_key")),
                  params,
                  (rs, i) -> write(rs)));
      writes.addAll(
          jdbc.query(
              """
              select w.*, o.application
                from report_object_write w
                join ownership_interval o on o.resource_key = w.resource_key
                 and o.valid_from <= w.at and (o.valid_to is null or o.valid_to > w.at)
               where w.at >= :start and w.at < :end and w.kind <> 'DELETED'
                 and w.manager in (:syncManagers) and %s
               order by w.at, w.resource_key
              """
                  .formatted(inCluster("w.resource_key")),
              params,
              (rs, i) -> write(rs)));
      writes.sort(Comparator.comparing(Write::at).thenComparing(Write::resource));

      Map<String, Map<String, Map<String, List<String>>>> byApplication = new TreeMap<>();
      // every object an Application owned was deployed by it, whether or not values are known
      tenures.forEach(
          t ->
              byApplication
                  .computeIfAbsent(
                      applicationKey(t.resource(), t.application()),
                      k -> new TreeMap<>(WeekData.BY_OBJECT))
                  .computeIfAbsent(t.resource(), k -> new LinkedHashMap<>()));
      for (Write w : writes) {
        Map<String, List<String>> values =
            byApplication
                .computeIfAbsent(
                    applicationKey(w.resource(), w.owner()), k -> new TreeMap<>(WeekData.BY_OBJECT))
                .computeIfAbsent(w.resource(), k -> new LinkedHashMap<>());
        w.desired().entrySet().stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(WeekData::fieldOrder)))
            .forEach(
                e -> {
                  List<String> seen = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                  if (!seen.contains(e.getValue())) {
                    seen.add(e.getValue());
                  }
                });
      }
      return byApplication;
    }

    private Write write(ResultSet rs) throws SQLException {
      return new Write(
          rs.getString("resource_key"),
          instant(rs, "at"),
          rs.getString("kind"),
          rs.getString("manager"),
          desired(rs.getString("desired")),
          rs.getString("application"));
    }

    // --- ownership ---

    private List<Tenure> tenures() {
      return jdbc
          .query(
              """
          select * from ownership_interval
           where valid_from < :end and (valid_to is null or valid_to > :start) and %s
           order by resource_key, valid_from
          """
                  .formatted(inCluster("resource_key")),
              params,
              (rs, i) -> {
                Instant to = instant(rs, "valid_to");
                return new Tenure(
                    rs.getString("resource_key"),
                    rs.getString("application"),
                    instant(rs, "valid_from"),
                    to == null || !to.isBefore(end) ? null : to);
              })
          .stream()
          .sorted(
              Comparator.comparing(Tenure::resource, WeekData.BY_OBJECT)
                  .thenComparing(Tenure::from))
          .toList();
    }

    private List<ObjectStory> objects(List<Tenure> tenures) {
      Map<String, List<Lifecycle>> lifecycles = new TreeMap<>();
      jdbc.query(
          """
          select * from report_object_write
           where at >= :start and at < :end and kind <> 'CHANGED' and %s
           order by at, kind
          """
              .formatted(inCluster("resource_key")),
          params,
          rs -> {
            lifecycles
                .computeIfAbsent(rs.getString("resource_key"), k -> new ArrayList<>())
                .add(
                    new Lifecycle(
                        instant(rs, "at"), rs.getString("kind"), rs.getString("manager")));
          });
      Map<String, List<Tenure>> byResource =
          tenures.stream()
              .collect(
                  Collectors.groupingBy(
                      Tenure::resource,
                      () -> new TreeMap<>(WeekData.BY_OBJECT),
                      Collectors.toList()));
      return byResource.entrySet().stream()
          .map(
              e ->
                  new ObjectStory(
                      e.getKey(), e.getValue(), lifecycles.getOrDefault(e.getKey(), List.of())))
          .toList();
    }

    // --- drift ---

    private List<Drift> drifts() {
      // with each episode, in the same statement: the values its actor wrote (its first write
      // after the start) and the sync that corrected it (its Application's last successful sync
      // between the start and the correction), each an index lookup
      return sortedByStartThenObject(
          jdbc.query(
              """
              select d.*, w.desired::text as written,
                     s.application_key as s_application_key, s.revision as s_revision,
                     s.initiated_by as s_initiated_by, s.automated as s_automated,
                     s.partial as s_partial, s.phase as s_phase, s.message as s_message,
                     s.started_at as s_started_at, s.finished_at as s_finished_at
                from drift_episode d
                left join lateral (
                  select w.desired from report_object_write w
                   where w.resource_key = d.resource_key and w.manager = d.actor
                     and w.kind = 'CHANGED' and w.at >= d.started_at
                     and w.at <= case when d.corrected_at < :end then d.corrected_at
                                      else cast(:end as timestamptz) end
                   order by w.at limit 1) w on true
                left join lateral (
                  select * from sync_record s
                   where s.application_key = split_part(d.resource_key, '/', 1)
                           || '/argoproj.io/Application/'
                           || case when position('/' in d.application) > 0 then d.application
                                   else '/' || d.application end
                     and s.phase = 'Succeeded'
                     and d.corrected_at < :end
                     and s.finished_at >= d.started_at and s.finished_at <= d.corrected_at
                   order by s.finished_at desc limit 1) s on true
               where d.started_at < :end and (d.corrected_at is null or d.corrected_at > :start)
                 and %s
               order by d.started_at, d.resource_key, d.episode
              """
                  .formatted(inCluster("d.resource_key")),
              params,
              (rs, i) -> {
                String resource = rs.getString("resource_key");
                String application = rs.getString("application");
                String actor = rs.getString("actor");
                List<String> fields = strings(rs, "fields");
                Instant startedAt = instant(rs, "started_at");
                Instant correctedAt = instant(rs, "corrected_at");
                boolean corrected = correctedAt != null && correctedAt.isBefore(end);
                return new Drift(
                    resource,
                    application,
                    rs.getString("evidence"),
                    actor,
                    fields,
                    written(rs.getString("written"), fields),
                    startedAt,
                    corrected ? correctedAt : null,
                    corrected ? rs.getString("correction") : null,
                    corrected ? rs.getString("corrected_by") : null,
                    corrected && rs.getString("s_application_key") != null ? sync(rs, "s_") : null);
              }),
          Drift::startedAt,
          Drift::resource);
    }

    /** Of the values the drift's actor wrote, those of the drifted fields. */
    private Map<String, String> written(String desired, List<String> fields) {
      Map<String, String> written = new TreeMap<>(Comparator.comparing(WeekData::fieldOrder));
      if (desired != null) {
        desired(desired)
            .forEach(
                (field, value) -> {
                  if (fields.contains(field)) {
                    written.put(field, value);
                  }
                });
      }
      return written;
    }

    // --- conflicts ---

    private List<Conflict> conflicts() {
      String inWeek =
          """
          select resource_key, episode from conflict_episode
           where started_at < :end and (ended_at is null or ended_at > :start) and %s
          """
              .formatted(inCluster("resource_key"));
      // every flip and every declaration of the week's conflicts: two statements, not three per
      // conflict
      Map<String, List<Flip>> flipsByEpisode = new LinkedHashMap<>();
      jdbc.query(
          """
          select f.* from conflict_flip f join (%s) e
              on e.resource_key = f.resource_key and e.episode = f.episode
           order by f.resource_key, f.episode, f.flip
          """
              .formatted(inWeek),
          params,
          rs -> {
            String resource = rs.getString("resource_key");
            String to = rs.getString("to_app");
            Instant at = instant(rs, "at");
            flipsByEpisode
                .computeIfAbsent(resource + "#" + rs.getInt("episode"), k -> new ArrayList<>())
                .add(
                    new Flip(
                        rs.getInt("flip"),
                        rs.getString("from_app"),
                        to,
                        at,
                        syncAt(resource, to, at)));
          });
      Map<String, List<Declaration>> declarations = new LinkedHashMap<>();
      jdbc.query(
          """
          select d.resource_key, d.application, d.valid_from, d.valid_to
            from declaration_interval d
           where d.resource_key in (select resource_key from (%s) e)
           order by d.resource_key, d.valid_from, d.application
          """
              .formatted(inWeek),
          params,
          rs -> {
            declarations
                .computeIfAbsent(rs.getString("resource_key"), k -> new ArrayList<>())
                .add(
                    new Declaration(
                        rs.getString("application"),
                        instant(rs, "valid_from"),
                        instant(rs, "valid_to")));
          });
      return sortedByStartThenObject(
          jdbc.query(
              """
          select * from conflict_episode
           where started_at < :end and (ended_at is null or ended_at > :start) and %s
           order by started_at, resource_key, episode
          """
                  .formatted(inCluster("resource_key")),
              params,
              (rs, i) -> {
                String resource = rs.getString("resource_key");
                int episode = rs.getInt("episode");
                List<Flip> allFlips =
                    flipsByEpisode.getOrDefault(resource + "#" + episode, List.of());
                List<Declaration> declared = declarations.getOrDefault(resource, List.of());
                List<Flip> flips = allFlips.stream().filter(f -> f.at().isBefore(end)).toList();
                Instant loopAt = instant(rs, "loop_detected_at");
                Instant endedAt = instant(rs, "ended_at");
                boolean ended = endedAt != null && endedAt.isBefore(end);
                String holder =
                    !flips.isEmpty()
                        ? flips.get(flips.size() - 1).to()
                        : !allFlips.isEmpty() ? allFlips.get(0).from() : rs.getString("holder");
                List<String> applications = strings(rs, "applications").stream().sorted().toList();
                return new Conflict(
                    resource,
                    applications,
                    conflictStart(declared, applications, instant(rs, "started_at")),
                    loopAt != null && loopAt.isBefore(end) ? loopAt : null,
                    ended ? endedAt : null,
                    ended ? rs.getString("winner") : null,
                    holder,
                    flips,
                    declaringAtEnd(declared));
              }),
          Conflict::startedAt,
          Conflict::resource);
    }

    /**
     * When the conflict began: when a second of its Applications began declaring the object, or the
     * journal's start if earlier. The journal starts a conflict on whichever signal reaches the
     * object first, the declaration or the takeover it leads to (they travel different paths), so
     * its start can be the takeover's; declarations are timed by observation whatever the order,
     * which makes a week read the same on every replay.
     */
    private Instant conflictStart(
        List<Declaration> declarations, List<String> applications, Instant startedAt) {
      List<Instant> declared =
          declarations.stream()
              .filter(d -> applications.contains(d.application()))
              .filter(d -> !d.from().isAfter(startedAt))
              .filter(d -> d.to() == null || d.to().isAfter(startedAt))
              .map(Declaration::from)
              .sorted()
              .toList();
      return declared.size() < 2 || !declared.get(1).isBefore(startedAt)
          ? startedAt
          : declared.get(1);
    }

    /** The sync of {@code application} running (or ending) at {@code at}, if the journal has it. */
    private Sync syncAt(String resource, String application, Instant at) {
      String key = applicationKey(resource, application);
      return syncsByKey.getOrDefault(key, List.of()).stream()
          .filter(s -> !s.startedAt().isAfter(at))
          .filter(s -> s.finishedAt() == null || !s.finishedAt().isBefore(at))
          .reduce((first, second) -> second)
          .orElse(null);
    }

    private List<String> declaringAtEnd(List<Declaration> declarations) {
      return declarations.stream()
          .filter(d -> d.from().isBefore(end))
          .filter(d -> d.to() == null || !d.to().isBefore(end))
          .map(Declaration::application)
          .distinct()
          .sorted()
          .toList();
    }

    // --- outages and conditions ---

    private List<Outage> outages() {
      return jdbc.query(
          """
          select * from outage
           where started_at < :end and (ended_at is null or ended_at > :start)
             and (cast(:cluster as text) is null
                  or (kind = 'controller' and subject = :cluster)
                  or (kind = 'git-source' and %s))
           order by started_at, kind, subject
          """
              .formatted(repoInCluster("regexp_replace(subject, '#[^#]*$', '')")),
          params,
          (rs, i) -> {
            Instant endedAt = instant(rs, "ended_at");
            return new Outage(
                rs.getString("kind"),
                rs.getString("subject"),
                instant(rs, "started_at"),
                instant(rs, "detected_at"),
                endedAt != null && endedAt.isBefore(end) ? endedAt : null,
                rs.getString("reason"));
          });
    }

    private List<Condition> conditions() {
      return jdbc.query(
          """
          select * from report_condition
           where raised_at < :end and (cleared_at is null or cleared_at > :start) and %s
           order by raised_at, application_key, type, message
          """
              .formatted(inCluster("application_key")),
          params,
          (rs, i) -> {
            Instant clearedAt = instant(rs, "cleared_at");
            return new Condition(
                applicationName(rs.getString("application_key")),
                rs.getString("type"),
                rs.getString("message"),
                instant(rs, "raised_at"),
                clearedAt != null && clearedAt.isBefore(end) ? clearedAt : null);
          });
    }

    private int timelineEntries() {
      Integer count =
          jdbc.queryForObject(
              """
              select count(*) from timeline_entry
               where at >= :start and at < :end and %s
              """
                  .formatted(inCluster("resource_key")),
              params,
              Integer.class);
      return count == null ? 0 : count;
    }

    private boolean inWeek(Instant instant) {
      return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }
  }

  // --- helpers shared by every step ---

  private static <T> List<T> sortedByStartThenObject(
      List<T> items, Function<T, Instant> start, Function<T, String> resource) {
    return items.stream()
        .sorted(Comparator.comparing(start).thenComparing(resource, WeekData.BY_OBJECT))
        .toList();
  }

  /** SQL: the key in {@code column} is in the cluster asked for (or none was asked for). */
  private static String inCluster(String column) {
    return "(cast(:cluster as text) is null or split_part(%s, '/', 1) = :cluster)"
        .formatted(column);
  }

  /** SQL: an Application of the cluster asked for takes its source from the repository. */
  private static String repoInCluster(String repoColumn) {
    return ("(cast(:cluster as text) is null or exists (select 1 from report_application_event a"
            + " where split_part(a.application_key, '/', 1) = :cluster and "
            + SAME_REPO
            + "))")
        .formatted("a.repo_url", repoColumn);
  }

  private static String applicationName(String applicationKey) {
    return ResourceKey.parse(applicationKey).namespacedName();
  }

  /** The key of Application {@code namespace/name} in the cluster of {@code resource}. */
  private static String applicationKey(String resource, String application) {
    int slash = application.indexOf('/');
    return ResourceKey.application(
            ResourceKey.parse(resource).cluster(),
            slash < 0 ? "" : application.substring(0, slash),
            application.substring(slash + 1))
        .toString();
  }

  private Map<String, String> desired(String text) {
    try {
      return json.readValue(text, DESIRED);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable desired values: " + text, e);
    }
  }

  private record ApplicationEvent(String key, Instant at, String kind, Spec spec) {}

  private record KeyedSync(String key, Sync sync) {}

  /** An Application's declaration of an object, from when until when (null: still declared). */
  private record Declaration(String application, Instant from, Instant to) {}

  /** A write to an object's desired state, and who owned the object then. */
  private record Write(
      String resource,
      Instant at,
      String kind,
      String manager,
      Map<String, String> desired,
      String owner) {}
}
