package dev.opsjournal.server.report;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.OperationPhase;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.catalog.Commits;
import dev.opsjournal.server.catalog.Commits.CommitRecord;
import dev.opsjournal.server.catalog.Commits.SourceTally;
import dev.opsjournal.server.outage.OutageView;
import dev.opsjournal.server.outage.Outages;
import dev.opsjournal.server.ownership.Tenures;
import dev.opsjournal.server.report.DeployedValues.OwnedWrite;
import dev.opsjournal.server.report.ReportRecords.ApplicationEvent;
import dev.opsjournal.server.report.ReportRecords.InForce;
import dev.opsjournal.server.report.ReportRecords.KeyedStatus;
import dev.opsjournal.server.report.ReportRecords.Write;
import dev.opsjournal.server.report.WeekData.Commit;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Environment;
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
import dev.opsjournal.server.sync.SyncAttribution;
import dev.opsjournal.server.sync.SyncRecords;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import dev.opsjournal.server.timeline.TimelineEntries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gathers one ISO week into {@link WeekData} from the features' readers: each feature's facts as it
 * decided them, cut at the week's end (an episode ended later is open here), so a past week reads
 * the same whenever it is asked for. A commit, a rewrite or a Git outage belongs to a cluster when
 * one of its Applications takes its source from that repository ({@link RepositoryIdentity}).
 */
@Component
class WeekQuery {

  private final ReportRecords records;
  private final Commits commits;
  private final SyncRecords syncs;
  private final Tenures tenures;
  private final Outages outages;
  private final WeekEpisodes episodes;
  private final TimelineEntries timeline;

  WeekQuery(
      ReportRecords records,
      Commits commits,
      SyncRecords syncs,
      Tenures tenures,
      Outages outages,
      WeekEpisodes episodes,
      TimelineEntries timeline) {
    this.records = records;
    this.commits = commits;
    this.syncs = syncs;
    this.tenures = tenures;
    this.outages = outages;
    this.episodes = episodes;
    this.timeline = timeline;
  }

  WeekData find(IsoWeek week, String cluster) {
    return new Gathering(week, cluster).gather();
  }

  /** One week's gathering: its scope, and what earlier steps found that later ones use. */
  private final class Gathering {

    private final IsoWeek week;
    private final Scope scope;
    private final Predicate<String> ownRepository;
    private final List<SyncRecord> weekSyncs;
    private final Map<String, List<Sync>> syncsByKey = new LinkedHashMap<>();
    private final Map<String, List<SyncAttribution.Bracket>> bracketsByKey = new LinkedHashMap<>();

    Gathering(IsoWeek week, String cluster) {
      this.week = week;
      this.scope = new Scope(week.start(), week.end(), cluster);
      Set<String> repositories = cluster == null ? Set.of() : records.repositories(cluster);
      this.ownRepository =
          url -> cluster == null || repositories.contains(RepositoryIdentity.of(url));
      this.weekSyncs = syncs.overlapping(scope);
      weekSyncs.forEach(
          s -> {
            syncsByKey
                .computeIfAbsent(s.applicationKey(), k -> new ArrayList<>())
                .add(WeekRows.sync(s, scope));
            bracketsByKey
                .computeIfAbsent(s.applicationKey(), k -> new ArrayList<>())
                .add(s.bracket());
          });
    }

    WeekData gather() {
      List<ApplicationEvent> applicationEvents = records.applicationEvents(scope);
      List<Tenure> weekTenures = tenures();
      List<Commit> weekCommits = commits();
      List<Rewrite> rewrites =
          records.rewrites(scope).stream().filter(r -> ownSource(r.source())).toList();
      List<Conflict> conflicts = episodes.conflicts(scope, this::syncAt);
      List<Drift> drifts = episodes.drifts(scope);
      List<Outage> weekOutages = OutageEffects.endedByTheController(outages(), drifts);
      int entries =
          timeline.count(scope)
              + weekCommits.size()
              + rewrites.size()
              + (int)
                  weekOutages.stream()
                      .filter(o -> scope.contains(o.startedAt()) || scope.contains(o.endedAt()))
                      .count();
      return new WeekData(
          week,
          scope.cluster(),
          entries,
          start(applicationEvents, weekTenures),
          applicationEvents.stream()
              .filter(e -> !e.at().isBefore(scope.start()))
              .map(new ApplicationActs(records.acts(scope))::change)
              .toList(),
          weekCommits,
          rewrites,
          environments(applicationEvents, weekTenures),
          objects(weekTenures),
          drifts,
          conflicts,
          weekOutages,
          records.conditions(scope),
          weekSyncs.stream()
              .map(s -> WeekRows.sync(s, scope))
              .filter(s -> OperationPhase.of(s.phase()).failed())
              .toList(),
          statusAtEnd(applicationEvents));
    }

    // --- what was there before the week ---

    private Start start(List<ApplicationEvent> applicationEvents, List<Tenure> weekTenures) {
      List<Spec> applications =
          latestPerApplication(applicationEvents, scope.start()).stream()
              .filter(e -> !e.kind().equals(ReportProjection.DELETED))
              .map(ApplicationEvent::spec)
              .toList();
      // per source, over its repository URLs of the cluster: how many, and the newest
      Map<String, SourceTally> bySource = new LinkedHashMap<>();
      for (SourceTally t : commits.newestPerSourceBefore(scope.start())) {
        if (ownRepository.test(t.newest().repoUrl())) {
          bySource.merge(t.newest().source(), t, WeekQuery::together);
        }
      }
      List<SourceHistory> sources =
          bySource.values().stream()
              .map(t -> new SourceHistory(t.newest().source(), t.commits(), commit(t.newest())))
              .toList();
      List<Tenure> holdings =
          weekTenures.stream().filter(t -> t.from().isBefore(scope.start())).toList();
      return new Start(applications, sources, holdings);
    }

    // --- Applications ---

    /** Each Application's newest registration, change or deletion before {@code instant}. */
    private List<ApplicationEvent> latestPerApplication(
        List<ApplicationEvent> events, Instant instant) {
      Map<String, ApplicationEvent> latest = new TreeMap<>();
      events.stream().filter(e -> e.at().isBefore(instant)).forEach(e -> latest.put(e.key(), e));
      return List.copyOf(latest.values());
    }

    private List<Status> statusAtEnd(List<ApplicationEvent> applicationEvents) {
      Set<String> gone =
          latestPerApplication(applicationEvents, scope.end()).stream()
              .filter(e -> e.kind().equals(ReportProjection.DELETED))
              .map(ApplicationEvent::key)
              .collect(Collectors.toSet());
      return records.statusesAtEnd(scope).stream()
          .filter(s -> !gone.contains(s.key()))
          .map(KeyedStatus::status)
          .toList();
    }

    // --- Git ---

    private boolean ownSource(String source) {
      return ownRepository.test(source.replaceFirst("#[^#]*$", ""));
    }

    private List<Commit> commits() {
      List<CommitRecord> recorded =
          commits.recordedIn(scope.start(), scope.end()).stream()
              .filter(c -> ownRepository.test(c.repoUrl()))
              .toList();
      // where each commit ran: one statement for all of them, not one per commit
      Map<String, List<Sync>> firstRuns = new TreeMap<>();
      syncs
          .firstSucceeded(scope, recorded.stream().map(CommitRecord::sha).distinct().toList())
          .forEach(
              s ->
                  firstRuns
                      .computeIfAbsent(s.revision(), k -> new ArrayList<>())
                      .add(WeekRows.sync(s, scope)));
      return recorded.stream()
          .map(
              c -> {
                Commit commit = commit(c);
                return new Commit(
                    commit.source(),
                    commit.sha(),
                    commit.author(),
                    commit.committedAt(),
                    commit.recordedAt(),
                    commit.message(),
                    commit.affectedApplications(),
                    firstRuns.getOrDefault(c.sha(), List.of()).stream()
                        .sorted(Comparator.comparing(Sync::finishedAt))
                        .map(first -> new Ran(first.application(), first))
                        .toList(),
                    scope.known(c.unreachableSince()));
              })
          .toList();
    }

    // --- syncs and what they deployed ---

    private List<Environment> environments(
        List<ApplicationEvent> applicationEvents, List<Tenure> weekTenures) {
      Map<String, String> revisionAtStart = syncs.revisionsAtStart(scope);
      Map<String, Map<String, Map<String, List<String>>>> deployed =
          DeployedValues.of(weekTenures, ownedWrites(weekTenures));

      // who held something, by cluster and Application name: a set, not a scan per Application
      Set<String> holders = new HashSet<>();
      weekTenures.forEach(
          t -> holders.add(ResourceKey.parse(t.resource()).cluster() + "|" + t.application()));
      List<Environment> environments = new ArrayList<>();
      for (ApplicationEvent latest : latestPerApplication(applicationEvents, scope.end())) {
        boolean goneBeforeWeek =
            latest.kind().equals(ReportProjection.DELETED) && latest.at().isBefore(scope.start());
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
     * The sync writes that deployed each tenure's values: those in force when the tenure (or the
     * week) began, then every one in the week, each with the Application owning the object then.
     */
    private List<OwnedWrite> ownedWrites(List<Tenure> weekTenures) {
      List<OwnedWrite> owned = new ArrayList<>();
      List<InForce> lookups =
          weekTenures.stream()
              .map(t -> new InForce(t.resource(), latest(t.from(), scope.start())))
              .toList();
      List<Write> inForce = records.syncWritesInForce(lookups);
      for (int i = 0; i < weekTenures.size(); i++) {
        if (inForce.get(i) != null) {
          Tenure t = weekTenures.get(i);
          owned.add(
              new OwnedWrite(
                  t.resource(), lookups.get(i).at(), t.application(), inForce.get(i).desired()));
        }
      }
      Map<String, List<Tenure>> byResource =
          weekTenures.stream().collect(Collectors.groupingBy(Tenure::resource));
      for (Write w : records.syncWrites(scope)) {
        byResource.getOrDefault(w.resource(), List.of()).stream()
            .filter(t -> !t.from().isAfter(w.at()) && (t.to() == null || t.to().isAfter(w.at())))
            .forEach(
                t -> owned.add(new OwnedWrite(w.resource(), w.at(), t.application(), w.desired())));
      }
      return owned;
    }

    /** The sync of {@code application} that made a write seen at {@code at}. */
    private Sync syncAt(String resource, String application, Instant at) {
      String key = WeekRows.applicationKey(resource, application);
      int i = SyncAttribution.of(bracketsByKey.getOrDefault(key, List.of()), at);
      return i < 0 ? null : syncsByKey.get(key).get(i);
    }

    // --- ownership ---

    private List<Tenure> tenures() {
      return tenures.overlapping(scope).stream()
          .map(
              t ->
                  new Tenure(
                      t.resource(),
                      t.application(),
                      t.from(),
                      t.to() == null || !t.to().isBefore(scope.end()) ? null : t.to()))
          .sorted(
              Comparator.comparing(Tenure::resource, WeekData.BY_OBJECT)
                  .thenComparing(Tenure::from))
          .toList();
    }

    private List<ObjectStory> objects(List<Tenure> weekTenures) {
      Map<String, List<WeekData.Lifecycle>> lifecycles = records.lifecycles(scope);
      Map<String, List<Tenure>> byResource =
          weekTenures.stream()
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

    // --- outages ---

    /** Outages of the week: the cluster's controller, and Git sources of its repositories. */
    private List<Outage> outages() {
      return outages.overlapping(scope).stream()
          .filter(o -> scope.cluster() == null || concernsCluster(o))
          .map(
              o ->
                  new Outage(
                      o.kind(),
                      o.subject(),
                      o.startedAt(),
                      o.detectedAt(),
                      scope.known(o.endedAt()),
                      o.reason(),
                      o.failure() == null ? "" : o.failure(),
                      o.applications() == null ? List.of() : o.applications()))
          .toList();
    }

    private boolean concernsCluster(OutageView o) {
      if (o.kind().equals(Outages.GIT_ARGO_CD)) {
        return scope.cluster().equals(o.cluster());
      }
      return o.kind().equals(Outages.CONTROLLER)
          ? o.subject().equals(scope.cluster())
          : o.kind().equals(Outages.GIT_SOURCE) && ownSource(o.subject());
    }
  }

  /** A commit as recorded; where it ran is added by {@code commits()} (not needed before). */
  private static Commit commit(CommitRecord c) {
    return new Commit(
        c.source(),
        c.sha(),
        c.authorName(),
        c.committedAt(),
        c.recordedAt(),
        c.message(),
        c.affectedApplications(),
        List.of());
  }

  /** One source's tally over two of its repository URLs: the newer newest, the smaller sha. */
  private static SourceTally together(SourceTally a, SourceTally b) {
    Comparator<CommitRecord> newer =
        Comparator.comparing(CommitRecord::recordedAt).reversed().thenComparing(CommitRecord::sha);
    CommitRecord newest = newer.compare(a.newest(), b.newest()) <= 0 ? a.newest() : b.newest();
    return new SourceTally(newest, a.commits() + b.commits());
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
