package dev.opsjournal.server.report;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.OperationPhase;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.api.Human;
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
import dev.opsjournal.server.report.WeekData.Rewrite;
import dev.opsjournal.server.report.WeekData.SourceHistory;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Status;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes one ISO week of the journal as Markdown, the way a platform team keeps its own journal:
 * where the week started, what was introduced, how the environments differ by what was deployed,
 * who owned what, what the journal saw happen, what failed, what is still open, and a Mermaid Gantt
 * chart of it all. A plain function of {@link WeekData}: no I/O, no clock.
 */
final class WeeklyJournal {

  private static final DateTimeFormatter IN_WEEK =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter OUTSIDE_WEEK =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MERMAID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Pattern CONTAINER_IMAGE =
      Pattern.compile("spec\\.template\\.spec\\.(?:initC|c)ontainers\\[name=([^]]+)]\\.image");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern MARKDOWN_CHARACTERS = Pattern.compile("([\\\\`*_\\[\\]<>|])");
  private static final Pattern MERMAID_SYNTAX = Pattern.compile("[:#;]");
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final String SHARED_RESOURCE_WARNING = "SharedResourceWarning";

  /** Shorter windows are drawn as milestones: a bar of minutes does not show on a week. */
  private static final Duration VISIBLE_BAR = Duration.ofHours(1);

  private static final String[] SMALL_NUMBERS = {
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  private final WeekData data;
  private final Instant start;
  private final Instant end;
  private final Map<String, String> applicationLabels;
  private final boolean severalClusters;
  private final boolean severalContainers;
  private final List<ConflictGroup> conflictGroups;
  private final Map<String, List<Conflict>> conflictsByObject;
  private final StringBuilder out = new StringBuilder();
  private Map<String, Set<String>> repositories;

  private WeeklyJournal(WeekData data) {
    this.data = data;
    this.start = data.week().start();
    this.end = data.week().end();
    this.applicationLabels = applicationLabels(data);
    this.severalClusters = clusters(data).size() > 1;
    this.severalContainers = containers(data).size() > 1;
    this.conflictGroups = groups(data.conflicts());
    this.conflictsByObject = new HashMap<>();
    data.conflicts()
        .forEach(
            c -> conflictsByObject.computeIfAbsent(c.resource(), k -> new ArrayList<>()).add(c));
  }

  /** The week as Markdown, ending with a newline. */
  static String render(WeekData data) {
    return new WeeklyJournal(data).write();
  }

  private String write() {
    if (nothingInIt()) {
      return "Nothing was journaled in "
          + data.week()
          + (data.cluster() == null ? "" : " for cluster " + code(data.cluster()))
          + ".\n";
    }
    line("# Journal — " + data.week() + " (" + data.week().days() + ")");
    line();
    line(
        (data.cluster() == null ? "All clusters" : "Cluster " + code(data.cluster()))
            + ". Times are UTC.");
    startingPoint();
    introduced();
    environments();
    ownership();
    observedBehaviour();
    failureModes();
    openItems();
    diagram();
    return out.toString();
  }

  /** No entry dated in the week, and nothing carried through it still open. */
  private boolean nothingInIt() {
    return data.entries() == 0
        && data.drifts().isEmpty()
        && data.conflicts().isEmpty()
        && data.outages().isEmpty()
        && data.conditions().isEmpty()
        && unsettled().isEmpty();
  }

  // --- starting point ---

  private void startingPoint() {
    heading("## Starting point");
    WeekData.Start before = data.start();
    List<String> carried = new ArrayList<>();
    conflictGroups.stream()
        .filter(g -> g.startedAt().isBefore(start))
        .forEach(
            g ->
                carried.add(
                    "the conflict between "
                        + join(apps(g.applications()))
                        + " (since "
                        + time(g.startedAt())
                        + ")"));
    data.drifts().stream()
        .filter(d -> d.startedAt().isBefore(start))
        .forEach(
            d ->
                carried.add(
                    "drift on " + object(d.resource()) + " (since " + time(d.startedAt()) + ")"));
    data.outages().stream()
        .filter(o -> o.startedAt().isBefore(start))
        .forEach(o -> carried.add(outageName(o) + " (since " + time(o.startedAt()) + ")"));
    if (before.isEmpty() && carried.isEmpty()) {
      line(
          "Nothing yet: the journal held no Application and no commit before "
              + DAY.format(start)
              + ".");
      return;
    }
    for (Spec spec : before.applications()) {
      line("- Application " + bold(app(spec.application())) + ": " + source(spec) + ".");
    }
    for (SourceHistory history : before.sources()) {
      Commit newest = history.newest();
      line(
          "- "
              + gitSource(history.source())
              + ": "
              + count(history.commits(), "commit")
              + " recorded, the newest "
              + sha(newest.sha())
              + " by "
              + newest.author()
              + " ("
              + time(newest.committedAt())
              + "), "
              + quote(firstLine(newest.message()))
              + ".");
    }
    Map<String, List<String>> held = new TreeMap<>();
    before
        .holdings()
        .forEach(
            t ->
                held.computeIfAbsent(t.application(), k -> new ArrayList<>())
                    .add(object(t.resource())));
    if (held.size() > LONE_LINES) {
      line(
          "- "
              + format(held.size())
              + " Applications held "
              + format(before.holdings().size())
              + " objects (see Ownership).");
    } else {
      held.forEach(
          (application, objects) ->
              line("- " + app(application) + " held " + joinCapped(objects, "more objects") + "."));
    }
    if (!carried.isEmpty()) {
      line("- Still open: " + join(carried) + ".");
    }
  }

  // --- introduced ---

  private void introduced() {
    heading("## Introduced");
    if (data.applicationChanges().isEmpty()
        && data.commits().isEmpty()
        && data.rewrites().isEmpty()) {
      line("Nothing new: no Application was registered or changed, and no commit was recorded.");
      return;
    }
    if (!data.applicationChanges().isEmpty()) {
      heading("### Applications");
      List<ApplicationChange> changes = data.applicationChanges();
      for (ApplicationChange change :
          changes.subList(0, Math.min(changes.size(), INTRODUCED_LINES))) {
        Spec spec = change.spec();
        String name = "- " + bold(app(spec.application())) + ", ";
        line(
            switch (change.kind()) {
              case ReportProjection.REGISTERED ->
                  name
                      + "registered "
                      + time(change.at())
                      + ": "
                      + source(spec)
                      + "; "
                      + syncPolicy(spec)
                      + ".";
              case ReportProjection.DELETED -> name + "deleted " + time(change.at()) + ".";
              default ->
                  name
                      + "changed "
                      + time(change.at())
                      + ": now "
                      + source(spec)
                      + "; "
                      + syncPolicy(spec)
                      + ".";
            });
      }
      if (changes.size() > INTRODUCED_LINES) {
        Map<String, Long> kinds =
            changes.subList(INTRODUCED_LINES, changes.size()).stream()
                .collect(
                    Collectors.groupingBy(
                        ApplicationChange::kind, TreeMap::new, Collectors.counting()));
        List<String> counted = new ArrayList<>();
        kinds.forEach(
            (kind, n) ->
                counted.add(
                    format(n)
                        + " "
                        + switch (kind) {
                          case ReportProjection.REGISTERED -> "registered";
                          case ReportProjection.DELETED -> "deleted";
                          default -> "changed";
                        }));
        line(
            "- "
                + format(changes.size() - INTRODUCED_LINES)
                + " more changes to Applications: "
                + join(counted)
                + ".");
      }
    }
    if (!data.commits().isEmpty() || !data.rewrites().isEmpty()) {
      heading("### Commits");
      Set<String> sources = new TreeSet<>();
      data.commits().forEach(c -> sources.add(c.source()));
      data.rewrites().forEach(r -> sources.add(r.source()));
      for (String source : sources) {
        line("On " + gitSource(source) + ":");
        line();
        data.commits().stream()
            .filter(c -> c.source().equals(source))
            .forEach(
                c ->
                    line(
                        "- "
                            + time(c.committedAt())
                            + " "
                            + sha(c.sha())
                            + " by "
                            + c.author()
                            + ": "
                            + quote(firstLine(c.message()))
                            + ". "
                            + reach(c)));
        data.rewrites().stream()
            .filter(r -> r.source().equals(source))
            .forEach(r -> line("- " + rewrite(r)));
        line();
      }
    }
  }

  /** Which Applications a commit reached: by the paths it changed, and by being deployed. */
  private String reach(Commit commit) {
    String paths;
    if (!commit.affectedApplications().isEmpty()) {
      paths = "It changes the source of " + join(apps(commit.affectedApplications()));
    } else if (registeredBefore(commit.recordedAt()) == 0) {
      paths = "No Application existed yet";
    } else {
      paths = "It changes no Application's source path";
    }
    if (commit.ranIn().isEmpty()) {
      return paths + ".";
    }
    return paths
        + ". Deployed by "
        + join(
            commit.ranIn().stream()
                .map(
                    r ->
                        app(r.application())
                            + "'s "
                            + syncKind(r.first())
                            + " at "
                            + time(r.first().finishedAt()))
                .toList())
        + ".";
  }

  private String rewrite(Rewrite r) {
    int lost = r.unreachable().size();
    return time(r.at())
        + " history rewritten by a force push: the branch moved from "
        + sha(r.oldHead())
        + " to "
        + sha(r.newHead())
        + ", and "
        + count(lost, "commit")
        + (lost == 1 ? " is" : " are")
        + " no longer reachable"
        + (lost == 0
            ? ""
            : " ("
                + String.join(", ", r.unreachable().stream().map(WeeklyJournal::sha).toList())
                + ")")
        + ".";
  }

  private long registeredBefore(Instant at) {
    return data.start().applications().size()
        + data.applicationChanges().stream()
            .filter(c -> c.kind().equals(ReportProjection.REGISTERED))
            .filter(c -> c.at().isBefore(at))
            .count();
  }

  /** Every object has its line up to this many; beyond, only the eventful ones do. */
  static final int OBJECT_LINES = 50;

  /** Eventful objects listed when there are more than {@link #OBJECT_LINES} objects. */
  static final int EVENTFUL_LINES = 100;

  /** Objects, then drifts, the chart shows at most. */
  static final int CHART_OBJECTS = 30;

  static final int CHART_DRIFTS = 30;

  /** Applications introduced with a line each; the rest are counted. */
  static final int INTRODUCED_LINES = 50;

  // --- environment differences ---

  /** A family's table shows every row up to this many; beyond it, only the rows that differ. */
  static final int TABLE_ROWS = 50;

  /** The cluster of a family's row when its members deploy to different places. */
  private static final String ANY_CLUSTER = "*";

  /** Lone Applications are one line each up to this many; beyond it, one line for them all. */
  static final int LONE_LINES = 20;

  /** Items a sentence lists before it says how many more there are. */
  static final int LISTED = 10;

  /** Path segments under which Kustomize-style layouts keep one directory per environment. */
  private static final Set<String> ENVIRONMENT_DIRECTORIES =
      Set.of("overlays", "envs", "environments", "env", "stages");

  /** Last path segments that name an environment. */
  private static final Set<String> ENVIRONMENT_NAMES =
      Set.of(
          "dev",
          "develop",
          "development",
          "test",
          "testing",
          "qa",
          "int",
          "integration",
          "staging",
          "stage",
          "stg",
          "uat",
          "preprod",
          "pre-prod",
          "prod",
          "production",
          "live",
          "sandbox");

  /**
   * The family of an Application: the Applications that deploy the same thing to different places.
   * Its repository (compared as the journal compares repositories) and its path without the
   * environment: the last segment is dropped when its parent is an environment directory ({@code
   * overlays}, {@code envs}, {@code environments}, {@code env}, {@code stages}) or when it names an
   * environment ({@code dev}, {@code staging}, {@code prod}, ...), and then the environment
   * directory too. {@code apps/web/overlays/dev} and {@code apps/web/overlays/prod} of one
   * repository are the family {@code apps/web}; Applications with the very same path (one chart,
   * several destinations) are one family; {@code apps/web} and {@code apps/api} are not.
   */
  static String family(Spec spec) {
    return RepositoryIdentity.of(spec.repoUrl()) + "#" + familyPath(spec.path());
  }

  /** The path of a family, as written in its heading: {@code apps/web}. */
  static String familyPath(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.strip().split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    int n = segments.size();
    if (n >= 1
        && (ENVIRONMENT_NAMES.contains(segments.get(n - 1).toLowerCase(Locale.ROOT))
            || (n >= 2
                && ENVIRONMENT_DIRECTORIES.contains(
                    segments.get(n - 2).toLowerCase(Locale.ROOT))))) {
      segments.remove(--n);
      if (n >= 1
          && ENVIRONMENT_DIRECTORIES.contains(segments.get(n - 1).toLowerCase(Locale.ROOT))) {
        segments.remove(--n);
      }
    }
    return String.join("/", segments);
  }

  /** Applications grouped by {@link #family}, in the order of their first member. */
  static List<List<Environment>> families(List<Environment> environments) {
    Map<String, List<Environment>> families = new LinkedHashMap<>();
    environments.forEach(
        e -> families.computeIfAbsent(family(e.spec()), k -> new ArrayList<>()).add(e));
    return List.copyOf(families.values());
  }

  private void environments() {
    heading("## Environment differences");
    List<Environment> environments = data.environments();
    if (environments.isEmpty()) {
      line("Nothing was deployed.");
      return;
    }
    List<List<Environment>> families = families(environments);
    List<List<Environment>> compared = families.stream().filter(f -> f.size() > 1).toList();
    List<Environment> lone =
        families.stream().filter(f -> f.size() == 1).map(f -> f.get(0)).toList();
    if (!compared.isEmpty()) {
      line(
          "What Argo CD applied for each Application, from its own syncs (changes made by hand are"
              + " drift, under Observed behaviour)"
              + (families.size() == 1
                  ? ":"
                  : ", side by side for the Applications that deploy the same source to different"
                      + " places:"));
      line();
    }
    for (List<Environment> family : compared) {
      if (families.size() > 1) {
        Spec first = family.get(0).spec();
        heading(
            "### "
                + code(familyPath(first.path()).isEmpty() ? "/" : familyPath(first.path()))
                + " of "
                + code(first.repoUrl()));
      }
      familyTable(family);
    }
    if (!lone.isEmpty()) {
      line();
      loneApplications(lone);
    }
    Set<String> deploying = new HashSet<>();
    environments.forEach(e -> deploying.add(e.spec().application()));
    List<String> idle =
        applicationsDuringWeek().stream().filter(a -> !deploying.contains(a)).toList();
    if (!idle.isEmpty()) {
      line();
      line(
          "Argo CD applied nothing for "
              + joinCapped(apps(idle), "others")
              + " this week: "
              + (idle.size() == 1 ? "it" : "they")
              + " held no object and ran no sync.");
    }
    sharedDestinations(environments);
  }

  /** Applications no other Application deploys the same source as: nothing to compare. */
  private void loneApplications(List<Environment> lone) {
    if (lone.size() > LONE_LINES) {
      line(
          format(lone.size())
              + " Applications are each the only one deploying their source, so there is nothing"
              + " to compare them with; they deployed "
              + format(lone.stream().mapToLong(e -> e.deployed().size()).sum())
              + " objects: "
              + joinCapped(lone.stream().map(e -> app(e.spec().application())).toList(), "others")
              + ".");
      return;
    }
    line(
        lone.size() == 1
            ? "Nothing to compare for this Application, the only one deploying its source:"
            : "Nothing to compare for these Applications, each the only one deploying its source:");
    line();
    for (Environment e : lone) {
      line(
          "- "
              + bold(app(e.spec().application()))
              + ": "
              + code(e.spec().path().isEmpty() ? "/" : e.spec().path())
              + " to namespace "
              + code(e.spec().destinationNamespace())
              + ", "
              + count(e.deployed().size(), "object")
              + "; revisions synced: "
              + revisions(e)
              + ".");
    }
  }

  /**
   * An object's key without its cluster, and without its namespace when it is {@code namespace}.
   */
  private static String relative(String resource, String namespace) {
    ResourceKey key = ResourceKey.parse(resource);
    return ANY_CLUSTER
        + "/"
        + key.group()
        + "/"
        + key.kind()
        + "/"
        + (key.namespace().equals(namespace) ? "" : key.namespace())
        + "/"
        + key.name();
  }

  /** One row of a family's table: an object, or one of its fields, and each member's value. */
  private record Row(String resource, String path, List<String> cells, boolean differs) {}

  private void familyTable(List<Environment> family) {
    List<String> header = new ArrayList<>();
    header.add("");
    family.forEach(e -> header.add(app(e.spec().application())));
    boolean oneCluster =
        family.stream()
                .map(e -> e.spec().destinationServer() + "|" + e.spec().destinationName())
                .distinct()
                .count()
            == 1;
    // environments in different places deploy the same objects there: when the members'
    // destinations differ, an object is its kind and name (and its namespace only when it is not
    // the member's destination namespace)
    boolean onePlace = family.stream().map(e -> destinationKey(e.spec())).distinct().count() == 1;
    // per object and field, the values each member deployed: as many entries as deployed
    Map<String, Map<String, Map<Integer, List<String>>>> byObject =
        new TreeMap<>(WeekData.BY_OBJECT);
    for (int i = 0; i < family.size(); i++) {
      String namespace = family.get(i).spec().destinationNamespace();
      for (Deployed d : family.get(i).deployed()) {
        String row = onePlace ? d.resource() : relative(d.resource(), namespace);
        Map<String, Map<Integer, List<String>>> fields =
            byObject.computeIfAbsent(
                row, k -> new TreeMap<>(Comparator.comparing(WeekData::fieldOrder)));
        fields.computeIfAbsent("", k -> new TreeMap<>()).put(i, List.of());
        for (Map.Entry<String, List<String>> v : d.values().entrySet()) {
          if (!v.getValue().isEmpty()) {
            fields.computeIfAbsent(v.getKey(), k -> new TreeMap<>()).put(i, v.getValue());
          }
        }
      }
    }
    boolean qualify = byObject.values().stream().filter(f -> f.size() > 1).count() > 1;
    List<Row> rows = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    List<String> same = new ArrayList<>();
    byObject.forEach(
        (resource, fields) -> {
          if (fields.size() == 1) {
            Map<Integer, List<String>> present = fields.get("");
            List<String> cells = new ArrayList<>();
            cells.add(object(resource));
            for (int i = 0; i < family.size(); i++) {
              cells.add(present.containsKey(i) ? "deployed" : "—");
            }
            rows.add(new Row(resource, "", cells, present.size() < family.size()));
            return;
          }
          fields.forEach(
              (path, byMember) -> {
                if (path.isEmpty()) {
                  return;
                }
                List<String> cells = new ArrayList<>();
                cells.add(object(resource) + " " + fieldLabel(path));
                for (int i = 0; i < family.size(); i++) {
                  List<String> v = byMember.get(i);
                  cells.add(v == null ? "—" : values(v));
                }
                boolean alike = new HashSet<>(byMember.values()).size() == 1;
                rows.add(new Row(resource, path, cells, byMember.size() < family.size() || !alike));
                if (byMember.size() < 2) {
                  return;
                }
                String label = (qualify ? object(resource) + " " : "") + fieldLabel(path);
                if (alike) {
                  same.add(label + " (" + values(byMember.values().iterator().next()) + ")");
                } else {
                  differ.add(
                      label
                          + " ("
                          + byMember.entrySet().stream()
                              .map(
                                  v ->
                                      app(family.get(v.getKey()).spec().application())
                                          + " "
                                          + values(v.getValue()))
                              .collect(Collectors.joining(", "))
                          + ")");
                }
              });
        });

    row(header);
    row(header.stream().map(h -> "---").toList());
    row(cells("source path", family, e -> code(e.spec().path())));
    row(
        cells(
            "destination",
            family,
            e ->
                "namespace "
                    + code(e.spec().destinationNamespace())
                    + (oneCluster ? "" : " on " + code(cluster(e.spec())))));
    row(cells("revisions synced", family, this::revisions));
    List<Row> shown = rows;
    if (rows.size() > TABLE_ROWS) {
      shown = rows.stream().filter(Row::differs).limit(TABLE_ROWS).toList();
    }
    shown.forEach(r -> row(r.cells()));
    if (shown.size() < rows.size()) {
      long differing = rows.stream().filter(Row::differs).count();
      long identical = rows.size() - differing;
      List<String> left = new ArrayList<>();
      if (identical > 0) {
        left.add(
            format(identical)
                + (identical == 1 ? " row" : " rows")
                + " where every Application deployed the same");
      }
      if (differing > shown.size()) {
        left.add(format(differing - shown.size()) + " more that differ");
      }
      line();
      line(
          "The table shows "
              + format(shown.size())
              + " of its "
              + format(rows.size())
              + " rows; left out: "
              + join(left)
              + ".");
    }
    if (!differ.isEmpty() || !same.isEmpty()) {
      String all = family.size() == 2 ? "both" : "all";
      line();
      if (differ.isEmpty()) {
        line("The environments have the same " + joinCapped(same, "more fields") + ".");
      } else {
        line(
            "The environments differ in "
                + joinCapped(differ, "more fields")
                + (same.isEmpty()
                    ? ""
                    : "; " + all + " have the same " + joinCapped(same, "more fields"))
                + ".");
      }
    }
  }

  /** The Applications that existed at some time in the week, by name. */
  private List<String> applicationsDuringWeek() {
    Set<String> existing = new TreeSet<>();
    data.start().applications().forEach(s -> existing.add(s.application()));
    data.applicationChanges().stream()
        .filter(c -> !c.kind().equals(ReportProjection.DELETED))
        .forEach(c -> existing.add(c.spec().application()));
    return List.copyOf(existing);
  }

  /** Applications deploying the same objects to the same place: the seed of a conflict. */
  private void sharedDestinations(List<Environment> environments) {
    Map<String, List<Environment>> byDestination = new LinkedHashMap<>();
    environments.forEach(
        e ->
            byDestination.computeIfAbsent(destinationKey(e.spec()), k -> new ArrayList<>()).add(e));
    for (List<Environment> together : byDestination.values()) {
      if (together.size() < 2) {
        continue;
      }
      Set<String> shared = new TreeSet<>(WeekData.BY_OBJECT);
      together.get(0).deployed().forEach(d -> shared.add(d.resource()));
      for (Environment e : together) {
        Set<String> its = new HashSet<>();
        e.deployed().forEach(d -> its.add(d.resource()));
        shared.removeIf(r -> !its.contains(r));
      }
      if (shared.isEmpty()) {
        continue;
      }
      line();
      line(
          (together.size() == 2 ? "Both " : "All of ")
              + join(apps(together.stream().map(e -> e.spec().application()).toList()))
              + " deploy to namespace "
              + code(together.get(0).spec().destinationNamespace())
              + " of the same cluster, and they deployed the same "
              + (shared.size() == 1 ? "object, " : "objects, ")
              + joinCapped(shared.stream().map(this::object).toList(), "more objects")
              + ": see the conflict under Observed behaviour.");
    }
  }

  /** Values in the order they were deployed: {@code 1 → 2}. */
  private static String values(List<String> values) {
    return values.stream().map(WeeklyJournal::value).collect(Collectors.joining(" → "));
  }

  private String revisions(Environment e) {
    Map<String, List<Sync>> byRevision = new LinkedHashMap<>();
    e.syncs().forEach(s -> byRevision.computeIfAbsent(s.revision(), k -> new ArrayList<>()).add(s));
    List<String> parts = new ArrayList<>();
    if (!e.revisionAtStart().isEmpty() && !byRevision.containsKey(e.revisionAtStart())) {
      parts.add(sha(e.revisionAtStart()) + " (since before the week)");
    }
    byRevision.forEach(
        (revision, syncs) -> {
          List<String> what = new ArrayList<>();
          long heals = 0;
          long failed = 0;
          for (Sync s : syncs) {
            if (failed(s)) {
              failed++;
            } else if (s.selfHeal()) {
              heals++;
            } else {
              what.add(
                  syncKind(s)
                      + " "
                      + (s.finishedAt() == null
                          ? "running at the end of the week"
                          : time(s.finishedAt())));
            }
          }
          if (heals > 0) {
            what.add(count(heals, "self-heal"));
          }
          if (failed > 0) {
            what.add(failed + " failed");
          }
          parts.add(sha(revision) + ": " + String.join(", ", what));
        });
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  private static List<String> cells(
      String label, List<Environment> environments, Function<Environment, String> cell) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    environments.forEach(e -> cells.add(cell.apply(e)));
    return cells;
  }

  // --- ownership ---

  private void ownership() {
    heading("## Ownership");
    if (data.objects().isEmpty()) {
      line("No Application owned an object this week.");
      return;
    }
    line("Who held each object's tracking, and when it changed hands:");
    line();
    List<ObjectStory> stories = data.objects();
    if (stories.size() <= OBJECT_LINES) {
      stories.forEach(story -> ownershipLine(story));
      return;
    }
    List<ObjectStory> eventful = stories.stream().filter(this::eventful).toList();
    eventful.stream().limit(EVENTFUL_LINES).forEach(this::ownershipLine);
    if (eventful.size() > EVENTFUL_LINES) {
      line(
          "- "
              + format(eventful.size() - EVENTFUL_LINES)
              + " more objects changed hands, were deleted or were contested: their stories are"
              + " in their timelines (`/api/v1/resources/timeline`).");
    }
    List<ObjectStory> quiet = stories.stream().filter(story -> !eventful(story)).toList();
    if (quiet.isEmpty()) {
      return;
    }
    long before =
        quiet.stream().filter(story -> story.tenures().get(0).from().isBefore(start)).count();
    long owners =
        quiet.stream().map(story -> story.tenures().get(0).application()).distinct().count();
    List<String> how = new ArrayList<>();
    if (before > 0) {
      how.add(format(before) + " held since before the week");
    }
    if (before < quiet.size()) {
      how.add(format(quiet.size() - before) + " owned from when they appeared in it");
    }
    line(
        "- "
            + (eventful.isEmpty() ? "All " : "The other ")
            + format(quiet.size())
            + " objects kept one owner all week ("
            + (owners == 1 ? "one Application" : format(owners) + " Applications")
            + " in all): "
            + join(how)
            + ".");
  }

  private void ownershipLine(ObjectStory story) {
    line("- " + bold(object(story.resource())) + ": " + ownershipStory(story));
  }

  /** Whether an object changed hands, lost its owner, was deleted or was contested. */
  private boolean eventful(ObjectStory story) {
    List<Tenure> tenures = story.tenures();
    return tenures.size() > 1
        || tenures.get(0).to() != null
        || conflictsByObject.containsKey(story.resource())
        || story.lifecycle().stream().anyMatch(l -> !l.kind().equals(ReportProjection.APPEARED));
  }

  private String ownershipStory(ObjectStory story) {
    List<Tenure> tenures = story.tenures();
    List<Conflict> conflicts = conflictsOn(story.resource());
    List<Moment> moments = new ArrayList<>();
    for (Lifecycle l : story.lifecycle()) {
      if (l.kind().equals(ReportProjection.DELETED)) {
        Optional<Lifecycle> back =
            story.lifecycle().stream()
                .filter(r -> r.kind().equals(ReportProjection.RECREATED))
                .filter(r -> r.at().isAfter(l.at()))
                .findFirst();
        moments.add(
            new Moment(
                l.at(),
                1,
                "It was deleted at "
                    + time(l.at())
                    + back.map(
                            r ->
                                " and recreated by "
                                    + code(r.manager())
                                    + " at "
                                    + time(r.at())
                                    + holderAt(tenures, r.at())
                                        .map(h -> ", still " + app(h) + "'s")
                                        .orElse(""))
                        .orElse("")));
      }
    }
    for (Conflict c : conflicts) {
      List<Flip> flips = inWeek(c.flips());
      if (flips.isEmpty()) {
        continue;
      }
      Flip first = flips.get(0);
      Flip last = flips.get(flips.size() - 1);
      moments.add(
          new Moment(
              first.at(),
              2,
              (first.number() == 1
                      ? "At "
                          + time(first.at())
                          + " "
                          + app(first.to())
                          + " took it over"
                          + ", and it changed hands "
                      : "The fight between "
                          + join(apps(c.applications()))
                          + " went on, and it changed hands ")
                  + times(flips.size())
                  + (first.number() == 1 ? " between the two" : " more")
                  + " until "
                  + time(last.at())
                  + ", when "
                  + app(last.to())
                  + " kept it"));
    }
    Tenure previous = null;
    for (Tenure t : tenures) {
      boolean contested = conflicts.stream().anyMatch(c -> contested(c, t.from()));
      if (t.from().isBefore(start)) {
        moments.add(
            new Moment(start, 0, app(t.application()) + " held it since " + time(t.from())));
      } else if (!contested && previous != null && t.from().equals(previous.to())) {
        moments.add(
            new Moment(
                t.from(),
                3,
                "At "
                    + time(t.from())
                    + " it passed from "
                    + app(previous.application())
                    + " to "
                    + app(t.application())));
      } else if (!contested) {
        String creator = creatorAt(story, t.from());
        moments.add(
            new Moment(
                t.from(),
                0,
                app(t.application())
                    + " owned it from "
                    + time(t.from())
                    + (creator.isEmpty() ? "" : ", when " + code(creator) + " created it")));
      }
      if (t.to() != null && tenures.stream().noneMatch(n -> n.from().equals(t.to()))) {
        moments.add(
            new Moment(
                t.to(),
                4,
                "At " + time(t.to()) + " " + app(t.application()) + "'s tracking left it"));
      }
      previous = t;
    }
    Tenure only = tenures.get(0);
    if (tenures.size() == 1
        && only.from().isBefore(start)
        && only.to() == null
        && moments.size() == 1) {
      return app(only.application()) + " has held it since " + time(only.from()) + ", all week.";
    }
    moments.sort(Comparator.comparing(Moment::at).thenComparing(Moment::order));
    List<String> sentences = new ArrayList<>(moments.stream().map(Moment::text).toList());
    Tenure last = tenures.get(tenures.size() - 1);
    sentences.add(
        last.to() == null
            ? "At the end of the week " + app(last.application()) + " holds it"
            : "Nobody holds it at the end of the week");
    return String.join(". ", sentences) + ".";
  }

  /** Whether a tenure starting at {@code at} is one of a conflict's changes of hands. */
  private static boolean contested(Conflict c, Instant at) {
    List<Flip> flips = c.flips();
    return !flips.isEmpty()
        && !at.isBefore(flips.get(0).at())
        && !at.isAfter(flips.get(flips.size() - 1).at());
  }

  private static Optional<String> holderAt(List<Tenure> tenures, Instant at) {
    return tenures.stream()
        .filter(t -> !t.from().isAfter(at) && (t.to() == null || t.to().isAfter(at)))
        .map(Tenure::application)
        .findFirst();
  }

  private static String creatorAt(ObjectStory story, Instant at) {
    return story.lifecycle().stream()
        .filter(l -> l.at().equals(at) && l.kind().equals(ReportProjection.APPEARED))
        .map(Lifecycle::manager)
        .findFirst()
        .orElse("");
  }

  /** A sentence of an object's story, ordered by time and, at one instant, by {@code order}. */
  private record Moment(Instant at, int order, String text) {}

  // --- observed behaviour ---

  private void observedBehaviour() {
    heading("## Observed behaviour");
    if (data.drifts().isEmpty() && data.conflicts().isEmpty()) {
      line("Nothing to report: no drift, and no conflict between Applications.");
      return;
    }
    drifts();
    conflicts();
  }

  private void drifts() {
    heading("### Drift");
    List<Drift> drifts = data.drifts();
    if (drifts.isEmpty()) {
      line("None: the live state stayed what Git declares.");
      return;
    }
    long open = drifts.stream().filter(d -> d.correctedAt() == null).count();
    Set<String> corrections =
        drifts.stream().map(d -> Objects.toString(d.correction(), "")).collect(Collectors.toSet());
    String summary =
        "The live state moved away from Git "
            + (drifts.size() == 1
                ? "once"
                : times(drifts.size()).replaceFirst("^\\d+", words(drifts.size())));
    if (open == 0 && corrections.size() == 1) {
      String how = correctionName(drifts.get(0).correction());
      summary +=
          drifts.size() == 1
              ? "; " + how + " put it back."
              : "; "
                  + how
                  + " put "
                  + (drifts.size() == 2 ? "both" : "all " + words(drifts.size()))
                  + " back.";
    } else {
      summary += open == 0 ? "." : "; " + words(open) + " still open at the end of the week.";
    }
    line(summary);
    line();
    drifts.forEach(d -> line("- " + driftLine(d)));
  }

  private String driftLine(Drift d) {
    String happened =
        bold(time(d.startedAt()))
            + ", "
            + object(d.resource())
            + " of "
            + app(d.application())
            + ": "
            + whatHappened(d)
            + ". ";
    Instant until = d.correctedAt() == null ? end : d.correctedAt();
    String controller =
        join(
            controllerOutages(d.resource(), d.startedAt(), until).stream()
                .map(
                    o ->
                        "from "
                            + time(o.startedAt())
                            + " to "
                            + (o.endedAt() == null ? "the end of the week" : time(o.endedAt())))
                .toList());
    String prefix =
        controller.isEmpty() ? "" : "Argo CD's controller was down " + controller + "; ";
    String after = bold(duration(Duration.between(d.startedAt(), until)));
    if (d.correctedAt() == null) {
      return happened
          + (prefix.isEmpty() ? "Still open" : prefix + "still open")
          + " at the end of the week, after "
          + after
          + ".";
    }
    Sync sync = d.correctingSync();
    String by = sync == null ? "" : " (" + syncDescription(sync) + ")";
    String at = " at " + time(d.correctedAt());
    String how =
        switch (Objects.toString(d.correction(), "")) {
          case "SELF_HEAL" ->
              "self-heal "
                  + (d.evidence().equals("DELETION") ? "recreated it" : "put it back")
                  + at
                  + by;
          case "MANUAL_SYNC" -> code(d.correctedBy()) + " synced it back" + at + by;
          case "NEW_REVISION" -> "a new revision replaced it" + at + by;
          case "REVERTED" -> "it was undone by hand" + at;
          default -> "it ended" + at;
        };
    return happened
        + (prefix.isEmpty() ? capitalise(how) : prefix + how)
        + ", after "
        + after
        + ".";
  }

  private String whatHappened(Drift d) {
    boolean known = !d.actor().isEmpty() && !d.actor().equals("unknown");
    return switch (d.evidence()) {
      case "DELETION" ->
          known
              ? code(d.actor()) + " deleted it"
              : "it was deleted; the journal could not tell by whom";
      case "OUT_OF_SYNC" ->
          app(d.application())
              + " reported it OutOfSync at an unchanged revision"
              + (known ? ", after a write by " + code(d.actor()) : "");
      default -> {
        List<String> changes = new ArrayList<>();
        for (String field : d.fields()) {
          String value = d.written().get(field);
          changes.add(
              value == null
                  ? fieldDescription(field)
                  : fieldDescription(field) + " to " + value(value));
        }
        String verb = d.written().isEmpty() ? " changed " : " set ";
        yield (known ? code(d.actor()) : "someone the journal could not name")
            + (changes.isEmpty() ? " changed it" : verb + join(changes));
      }
    };
  }

  private static String correctionName(String correction) {
    return switch (Objects.toString(correction, "")) {
      case "SELF_HEAL" -> "self-heal";
      case "MANUAL_SYNC" -> "a manual sync";
      case "NEW_REVISION" -> "a new revision";
      case "REVERTED" -> "an undo by hand";
      default -> "nothing";
    };
  }

  private void conflicts() {
    if (conflictGroups.isEmpty()) {
      heading("### Conflicts");
      line("None: no object was declared by two Applications.");
      return;
    }
    for (ConflictGroup g : conflictGroups) {
      heading("### Conflict: " + String.join(" vs ", apps(g.applications())));
      line(conflictParagraph(g));
    }
  }

  private String conflictParagraph(ConflictGroup g) {
    List<Conflict> cs = g.conflicts();
    String them = cs.size() > 1 ? "them" : "it";
    String objects = join(cs.stream().map(c -> object(c.resource())).toList());
    List<String> sentences = new ArrayList<>();
    sentences.add(
        g.startedAt().isBefore(start)
            ? "The fight between "
                + join(apps(g.applications()))
                + " over "
                + objects
                + ", on since "
                + time(g.startedAt())
                + (g.conflicts().stream().allMatch(c -> inWeek(c.flips()).isEmpty())
                    ? ", remained unresolved"
                    : ", went on")
            : "From "
                + time(g.startedAt())
                + " "
                + join(apps(g.applications()))
                + " both declared "
                + objects
                + ", and fought over "
                + them);
    Conflict lead = cs.get(0);
    List<Flip> flips = inWeek(lead.flips());
    if (!flips.isEmpty()) {
      List<Flip> rest = flips;
      List<String> how = new ArrayList<>();
      Flip first = flips.get(0);
      if (first.number() == 1) {
        how.add(
            "at "
                + time(first.at())
                + " "
                + app(first.to())
                + (first.by() == null ? "" : "'s " + syncKind(first.by()))
                + " took "
                + them
                + " from "
                + app(first.from()));
        rest = flips.subList(1, flips.size());
      }
      how.addAll(backAndForth(rest, them));
      if (!how.isEmpty()) {
        sentences.add(capitalise(String.join("; then ", how)));
      }
    }
    boolean alike =
        cs.stream()
                .map(
                    c ->
                        List.of(
                            inWeek(c.flips()).size(),
                            Objects.toString(lastFlipAt(c)),
                            Objects.toString(c.loopDetectedAt())))
                .distinct()
                .count()
            == 1;
    if (alike) {
      sentences.add(flipCount(lead, cs.size() > 1 ? "Each object" : "It"));
    } else {
      cs.forEach(c -> sentences.add(flipCount(c, object(c.resource()))));
    }
    latency(flips, them).ifPresent(sentences::add);
    sentences.addAll(warnings(g));
    sentences.add(conflictState(g, them));
    return String.join(". ", sentences) + ".";
  }

  private String flipCount(Conflict c, String subject) {
    List<Flip> flips = inWeek(c.flips());
    String s =
        flips.isEmpty()
            ? (subject.equals("Each object") ? "No object changed" : subject + " did not change")
                + " hands this week"
            : subject
                + " changed hands "
                + times(flips.size())
                + (flips.get(0).number() == 1 ? "" : " this week")
                + ", the last time at "
                + time(flips.get(flips.size() - 1).at());
    if (c.loopDetectedAt() != null) {
      s +=
          c.loopDetectedAt().isBefore(start)
              ? "; the journal had detected a reconciliation loop at " + time(c.loopDetectedAt())
              : "; the journal detected a reconciliation loop at " + time(c.loopDetectedAt());
    }
    return s;
  }

  /** Whose syncs took the objects back after the first change of hands, and how often. */
  private List<String> backAndForth(List<Flip> flips, String them) {
    Map<String, Map<String, Integer>> byKind = new LinkedHashMap<>();
    for (Flip f : flips) {
      String kind = f.by() == null ? "a write outside any sync" : syncKind(f.by());
      byKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(f.to(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach(
        (kind, perApp) -> {
          if (perApp.size() > 1 && new HashSet<>(perApp.values()).size() == 1) {
            parts.add(
                "each Application's "
                    + kind
                    + " took "
                    + them
                    + " back from the other, "
                    + times(perApp.values().iterator().next())
                    + " each");
          } else {
            perApp.forEach(
                (application, n) ->
                    parts.add(
                        app(application) + "'s " + kind + " took " + them + " back " + times(n)));
          }
        });
    return parts;
  }

  /** With two contenders: how quickly each took the objects back after losing them. */
  private Optional<String> latency(List<Flip> flips, String them) {
    Set<String> contenders = flips.stream().map(Flip::to).collect(Collectors.toSet());
    if (contenders.size() != 2 || flips.size() < 5) {
      return Optional.empty();
    }
    Map<String, List<Duration>> waits = new TreeMap<>();
    for (int i = 1; i < flips.size(); i++) {
      waits
          .computeIfAbsent(flips.get(i).to(), k -> new ArrayList<>())
          .add(Duration.between(flips.get(i - 1).at(), flips.get(i).at()));
    }
    List<String> parts = new ArrayList<>();
    waits.entrySet().stream()
        .sorted(Comparator.comparing(e -> max(e.getValue())))
        .forEach(
            e -> {
              List<Duration> w = e.getValue();
              Duration min = w.stream().min(Duration::compareTo).orElseThrow();
              Duration max = max(w);
              boolean growing = true;
              for (int i = 1; i < w.size(); i++) {
                growing &= w.get(i).compareTo(w.get(i - 1)) >= 0;
              }
              String who = app(e.getKey());
              if (max.minus(min).compareTo(Duration.ofSeconds(1)) <= 0) {
                parts.add(who + " took " + them + " back within " + duration(max) + " every time");
              } else if (growing) {
                boolean selfHeals =
                    flips.stream()
                        .filter(f -> f.to().equals(e.getKey()) && f.number() > 1)
                        .allMatch(f -> f.by() != null && f.by().selfHeal());
                parts.add(
                    who
                        + " waited longer each time, from "
                        + duration(min)
                        + " to "
                        + about(max)
                        + (selfHeals ? " (Argo CD's self-heal backoff)" : ""));
              } else {
                parts.add(
                    who + " took " + them + " back after " + duration(min) + " to " + about(max));
              }
            });
    return Optional.of("Throughout, " + String.join(", while ", parts));
  }

  private static Duration max(List<Duration> durations) {
    return durations.stream().max(Duration::compareTo).orElseThrow();
  }

  /** The SharedResourceWarning the contenders showed, in Argo CD's words. */
  private List<String> warnings(ConflictGroup g) {
    Map<String, List<Condition>> byMessage = new LinkedHashMap<>();
    data.conditions().stream()
        .filter(c -> isWarningOf(c, g))
        .forEach(c -> byMessage.computeIfAbsent(c.message(), k -> new ArrayList<>()).add(c));
    List<String> sentences = new ArrayList<>();
    byMessage.forEach(
        (message, conditions) -> {
          List<String> shown = conditions.stream().map(Condition::application).distinct().toList();
          Instant from =
              conditions.stream().map(Condition::raisedAt).min(Instant::compareTo).orElseThrow();
          sentences.add(
              "Argo CD raised "
                  + SHARED_RESOURCE_WARNING
                  + " on "
                  + (shown.size() == 2 && g.applications().size() == 2
                      ? "both Applications"
                      : join(apps(shown)))
                  + " from "
                  + time(from)
                  + ": "
                  + quote(message));
        });
    return sentences;
  }

  private static boolean isWarningOf(Condition c, ConflictGroup g) {
    return c.type().equals(SHARED_RESOURCE_WARNING) && g.applications().contains(c.application());
  }

  private boolean isConflictWarning(Condition c) {
    return conflictGroups.stream().anyMatch(g -> isWarningOf(c, g));
  }

  private String conflictState(ConflictGroup g, String them) {
    List<Conflict> cs = g.conflicts();
    if (cs.stream().allMatch(c -> c.endedAt() != null)) {
      Conflict last = cs.stream().max(Comparator.comparing(Conflict::endedAt)).orElseThrow();
      return "It ended at "
          + time(last.endedAt())
          + (last.winner() == null || last.winner().isEmpty()
              ? ""
              : ", with " + app(last.winner()) + " the one declaring " + them);
    }
    Optional<String> holder = commonHolder(cs);
    if (holder.isEmpty()) {
      return "It is still open at the end of the week";
    }
    List<String> others =
        cs.stream()
            .flatMap(c -> c.declaringAtEnd().stream())
            .filter(a -> !a.equals(holder.get()))
            .distinct()
            .sorted()
            .toList();
    return "It is still open at the end of the week: "
        + app(holder.get())
        + " holds "
        + (cs.size() == 2 ? "both objects" : them)
        + (others.isEmpty()
            ? ""
            : ", and "
                + join(apps(others))
                + (others.size() == 1 ? " still declares " : " still declare ")
                + them);
  }

  private static Optional<String> commonHolder(List<Conflict> conflicts) {
    Set<String> holders = conflicts.stream().map(Conflict::holder).collect(Collectors.toSet());
    return holders.size() == 1 && !holders.iterator().next().isEmpty()
        ? Optional.of(holders.iterator().next())
        : Optional.empty();
  }

  private List<Flip> inWeek(List<Flip> flips) {
    return flips.stream().filter(f -> !f.at().isBefore(start)).toList();
  }

  private static Instant lastFlipAt(Conflict c) {
    return c.flips().isEmpty() ? null : c.flips().get(c.flips().size() - 1).at();
  }

  private List<Conflict> conflictsOn(String resource) {
    return conflictsByObject.getOrDefault(resource, List.of());
  }

  /** Conflicts between the same Applications that started together are one fight. */
  private static List<ConflictGroup> groups(List<Conflict> conflicts) {
    Map<String, ConflictGroup> groups = new LinkedHashMap<>();
    for (Conflict c : conflicts) {
      groups
          .computeIfAbsent(
              c.applications() + "@" + c.startedAt(),
              k -> new ConflictGroup(c.applications(), c.startedAt(), new ArrayList<>()))
          .conflicts()
          .add(c);
    }
    return List.copyOf(groups.values());
  }

  private record ConflictGroup(
      List<String> applications, Instant startedAt, List<Conflict> conflicts) {}

  // --- failure modes ---

  private void failureModes() {
    heading("## Failure modes observed");
    List<Condition> unexplained =
        data.conditions().stream()
            .filter(c -> !isConflictWarning(c))
            .filter(c -> data.outages().stream().noneMatch(o -> explains(o, c)))
            .toList();
    if (data.outages().isEmpty() && data.failedSyncs().isEmpty() && unexplained.isEmpty()) {
      line(
          "None: Argo CD's controller reconciled throughout, every Git source could be fetched and"
              + " every sync succeeded.");
      return;
    }
    data.outages().forEach(o -> line("- " + outageLine(o)));
    for (Sync s : data.failedSyncs()) {
      line(
          "- "
              + bold("Sync failed")
              + ", "
              + app(s.application())
              + ": its "
              + syncKind(s)
              + " to "
              + sha(s.revision())
              + " ended "
              + s.phase()
              + " at "
              + time(s.finishedAt())
              + (s.message().isEmpty() ? "" : ", " + quote(s.message()))
              + ".");
    }
    conditionSentences(unexplained).forEach(c -> line("- " + bold("Condition") + ": " + c + "."));
  }

  private String outageLine(Outage o) {
    boolean controller = o.kind().equals(WeekData.CONTROLLER);
    StringBuilder s =
        new StringBuilder(bold(controller ? "Argo CD's controller down" : "Git unavailable"))
            .append(", ")
            .append(controller ? "cluster " + code(o.subject()) : gitSource(o.subject()))
            .append(", ")
            .append(window(o.startedAt(), o.endedAt()))
            .append(": ");
    if (controller) {
      s.append("no Application was reconciled, though the collectors were alive; the journal")
          .append(" noticed at ")
          .append(time(o.detectedAt()));
      List<Drift> waited =
          data.drifts().stream()
              .filter(d -> ResourceKey.parse(d.resource()).cluster().equals(o.subject()))
              .filter(d -> overlaps(o, d.startedAt(), d.correctedAt()))
              .toList();
      if (!waited.isEmpty()) {
        s.append(". Desired state was not enforced meanwhile: ")
            .append(
                join(
                    waited.stream()
                        .map(
                            d ->
                                "the drift of "
                                    + time(d.startedAt())
                                    + " on "
                                    + object(d.resource()))
                        .toList()))
            .append(" had to wait for it");
      }
    } else {
      s.append("the collector reported ").append(quote(o.reason()));
    }
    List<String> shown =
        conditionSentences(
            data.conditions().stream()
                .filter(c -> !isConflictWarning(c))
                .filter(c -> explains(o, c))
                .toList());
    if (!shown.isEmpty()) {
      s.append(". Meanwhile ").append(String.join(". Meanwhile ", shown));
    }
    return s.append(".").toString();
  }

  /** Conditions alike (type, message, times) on several Applications make one sentence. */
  private List<String> conditionSentences(List<Condition> conditions) {
    Map<String, List<Condition>> alike = new LinkedHashMap<>();
    conditions.forEach(
        c ->
            alike
                .computeIfAbsent(
                    c.type() + "|" + c.message() + "|" + c.raisedAt() + "|" + c.clearedAt(),
                    k -> new ArrayList<>())
                .add(c));
    return alike.values().stream()
        .map(
            cs -> {
              Condition c = cs.get(0);
              return join(apps(cs.stream().map(Condition::application).toList()))
                  + " showed "
                  + c.type()
                  + " from "
                  + time(c.raisedAt())
                  + " to "
                  + (c.clearedAt() == null ? "the end of the week" : time(c.clearedAt()))
                  + ": "
                  + quote(c.message());
            })
        .toList();
  }

  /** A condition raised during an outage, on an Application the outage concerns. */
  private boolean explains(Outage o, Condition c) {
    if (!overlaps(o, c.raisedAt(), c.raisedAt())) {
      return false;
    }
    if (o.kind().equals(WeekData.CONTROLLER)) {
      return true;
    }
    return repositoriesOf(c.application()).contains(RepositoryIdentity.of(repository(o.subject())));
  }

  /** The repositories an Application took its source from in the week, as compared. */
  private Set<String> repositoriesOf(String application) {
    if (repositories == null) {
      repositories = new HashMap<>();
      specs()
          .forEach(
              spec ->
                  repositories
                      .computeIfAbsent(spec.application(), k -> new HashSet<>())
                      .add(RepositoryIdentity.of(spec.repoUrl())));
    }
    return repositories.getOrDefault(application, Set.of());
  }

  private boolean overlaps(Outage o, Instant from, Instant to) {
    Instant outageEnd = o.endedAt() == null ? end : o.endedAt();
    return !o.startedAt().isAfter(to == null ? end : to) && !from.isAfter(outageEnd);
  }

  private List<Outage> controllerOutages(String resource, Instant from, Instant to) {
    String cluster = ResourceKey.parse(resource).cluster();
    return data.outages().stream()
        .filter(o -> o.kind().equals(WeekData.CONTROLLER) && o.subject().equals(cluster))
        .filter(o -> o.startedAt().isBefore(to))
        .filter(o -> o.endedAt() == null || o.endedAt().isAfter(from))
        .toList();
  }

  private String outageName(Outage o) {
    return o.kind().equals(WeekData.CONTROLLER)
        ? "Argo CD's controller down in cluster " + code(o.subject())
        : gitSource(o.subject()) + " unavailable";
  }

  // --- open items ---

  private void openItems() {
    heading("## Open items");
    List<String> items = new ArrayList<>();
    for (ConflictGroup g : conflictGroups) {
      List<Conflict> open = g.conflicts().stream().filter(c -> c.endedAt() == null).toList();
      if (open.isEmpty()) {
        continue;
      }
      String them = open.size() > 1 ? "them" : "it";
      StringBuilder s =
          new StringBuilder(bold("Conflict"))
              .append(" between ")
              .append(join(apps(g.applications())))
              .append(" over ")
              .append(join(open.stream().map(c -> object(c.resource())).toList()))
              .append(", open since ")
              .append(time(g.startedAt()));
      commonHolder(open)
          .ifPresent(h -> s.append(": ").append(app(h)).append(" holds ").append(them));
      sameDestination(g.applications())
          .ifPresent(
              namespace ->
                  s.append(". ")
                      .append(g.applications().size() == 2 ? "Both" : "All")
                      .append(" deploy to namespace ")
                      .append(code(namespace))
                      .append(" of the same cluster"));
      items.add(s.toString());
    }
    for (Drift d : data.drifts()) {
      if (d.correctedAt() == null) {
        items.add(
            bold("Drift")
                + " on "
                + object(d.resource())
                + " of "
                + app(d.application())
                + ", open since "
                + time(d.startedAt())
                + ": "
                + whatHappened(d));
      }
    }
    for (Outage o : data.outages()) {
      if (o.endedAt() == null) {
        items.add(bold(capitalise(outageName(o))) + " since " + time(o.startedAt()));
      }
    }
    for (Status status : unsettled()) {
      List<String> holders = holdersAgainst(status.application());
      items.add(
          bold(app(status.application()))
              + " has been "
              + status.syncStatus()
              + (status.health().isEmpty() ? "" : " and " + status.health())
              + " since "
              + time(status.since())
              + (holders.isEmpty() ? "" : ": it lost its objects to " + join(apps(holders))));
    }
    Map<String, List<Condition>> raised = new LinkedHashMap<>();
    data.conditions().stream()
        .filter(c -> c.clearedAt() == null)
        .forEach(c -> raised.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c));
    raised.forEach(
        (type, conditions) ->
            items.add(
                bold(type)
                    + " still raised on "
                    + join(
                        apps(
                            conditions.stream()
                                .map(Condition::application)
                                .distinct()
                                .sorted()
                                .toList()))
                    + (conditions.stream().allMatch(this::isConflictWarning)
                        ? ", because of the conflict"
                        : "")));
    if (items.isEmpty()) {
      line("Nothing open at the end of the week.");
      return;
    }
    items.forEach(i -> line("- " + i + "."));
  }

  /** The Applications holding objects that {@code application} still declares in open conflicts. */
  private List<String> holdersAgainst(String application) {
    return data.conflicts().stream()
        .filter(c -> c.endedAt() == null && c.declaringAtEnd().contains(application))
        .map(Conflict::holder)
        .filter(h -> !h.isEmpty() && !h.equals(application))
        .distinct()
        .sorted()
        .toList();
  }

  private Optional<String> sameDestination(List<String> applications) {
    List<Optional<Spec>> specs =
        applications.stream()
            .map(a -> specs().filter(s -> s.application().equals(a)).reduce((x, y) -> y))
            .toList();
    if (specs.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    Set<String> destinations =
        specs.stream().map(s -> destinationKey(s.get())).collect(Collectors.toSet());
    return destinations.size() == 1
        ? Optional.of(specs.get(0).get().destinationNamespace())
        : Optional.empty();
  }

  /** Applications not Synced and Healthy at the week's end. */
  private List<Status> unsettled() {
    return data.statusAtEnd().stream()
        .filter(s -> !s.syncStatus().isEmpty())
        .filter(
            s ->
                !s.syncStatus().equals("Synced")
                    || !(s.health().equals("Healthy") || s.health().isEmpty()))
        .toList();
  }

  // --- the diagram ---

  private void diagram() {
    heading("## The week at a glance");
    List<ObjectStory> charted = data.objects();
    List<String> leftOut = new ArrayList<>();
    if (charted.size() > OBJECT_LINES) {
      List<ObjectStory> eventful = charted.stream().filter(this::eventful).toList();
      charted = eventful.stream().limit(CHART_OBJECTS).toList();
      leftOut.add(
          format(charted.size())
              + " of the "
              + format(data.objects().size())
              + " objects ("
              + (eventful.size() > charted.size()
                  ? "the first of the " + format(eventful.size())
                  : "those")
              + " that changed hands, were deleted or were contested)");
    }
    List<Drift> drifts = data.drifts();
    if (drifts.size() > CHART_DRIFTS) {
      Set<Drift> longest =
          drifts.stream()
              .sorted(
                  Comparator.comparing(
                          (Drift d) ->
                              Duration.between(
                                  d.startedAt(), d.correctedAt() == null ? end : d.correctedAt()))
                      .reversed())
              .limit(CHART_DRIFTS)
              .collect(Collectors.toSet());
      drifts = drifts.stream().filter(longest::contains).toList();
      leftOut.add(
          "the " + CHART_DRIFTS + " longest of the " + format(data.drifts().size()) + " drifts");
    }
    if (!leftOut.isEmpty()) {
      line("The chart shows " + join(leftOut) + "; the sections above tell the rest.");
      line();
    }
    line("```mermaid");
    line("gantt");
    line("    title " + data.week() + ", UTC");
    line("    dateFormat YYYY-MM-DDTHH:mm:ss");
    line("    axisFormat %a %d");
    line("    todayMarker off");
    for (ObjectStory story : charted) {
      line("    section " + mermaidText(plain(object(story.resource()))));
      List<Task> tasks = new ArrayList<>();
      List<Instant[]> contests = new ArrayList<>();
      for (Conflict c : conflictsOn(story.resource())) {
        List<Flip> flips = inWeek(c.flips());
        if (flips.size() > 1) {
          Instant from = flips.get(0).at();
          Instant to = flips.get(flips.size() - 1).at();
          contests.add(new Instant[] {from, to});
          tasks.add(
              new Task(
                  "contested, " + count(flips.size(), "change") + " of hands", "crit", from, to));
        }
      }
      for (Tenure t : story.tenures()) {
        Instant from = t.from().isBefore(start) ? start : t.from();
        Instant to = t.to() == null ? end : t.to();
        for (Instant[] c : contests) {
          if (!from.isBefore(c[0]) && from.isBefore(c[1])) {
            from = c[1];
          }
          if (to.isAfter(c[0]) && !to.isAfter(c[1])) {
            to = c[0];
          }
        }
        if (to.isAfter(from)) {
          tasks.add(new Task(app(t.application()), "", from, to));
        }
      }
      tasks.stream().sorted(Comparator.comparing(Task::from)).forEach(this::task);
    }
    if (!drifts.isEmpty()) {
      line("    section Drift");
      for (Drift d : drifts) {
        Instant to = d.correctedAt() == null ? end : d.correctedAt();
        String what =
            d.evidence().equals("DELETION")
                ? plain(object(d.resource())) + " deleted"
                : (d.actor().equals("unknown") ? "drift" : d.actor())
                    + " on "
                    + plain(object(d.resource()));
        task(
            new Task(
                what + " (" + duration(Duration.between(d.startedAt(), to)) + ")",
                "crit",
                d.startedAt().isBefore(start) ? start : d.startedAt(),
                to));
      }
    }
    if (!data.outages().isEmpty()) {
      line("    section Outages");
      for (Outage o : data.outages()) {
        Instant to = o.endedAt() == null ? end : o.endedAt();
        String what =
            o.kind().equals(WeekData.CONTROLLER)
                ? "Argo CD controller down in " + o.subject()
                : "Git unavailable, " + shortSource(o.subject());
        task(
            new Task(
                what + " (" + duration(Duration.between(o.startedAt(), to)) + ")",
                "crit",
                o.startedAt().isBefore(start) ? start : o.startedAt(),
                to));
      }
    }
    line("```");
  }

  private void task(Task task) {
    List<String> parts = new ArrayList<>();
    if (!task.tag().isEmpty()) {
      parts.add(task.tag());
    }
    if (Duration.between(task.from(), task.to()).compareTo(VISIBLE_BAR) < 0) {
      parts.add("milestone");
    }
    parts.add(MERMAID.format(task.from()));
    parts.add(MERMAID.format(task.to()));
    line("    " + mermaidText(task.name()) + " : " + String.join(", ", parts));
  }

  private record Task(String name, String tag, Instant from, Instant to) {}

  /** Mermaid ends a task name at ':' and reads '#' and ';' as syntax. */
  private static String mermaidText(String text) {
    return SPACES.matcher(MERMAID_SYNTAX.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
  }

  private static String plain(String markdown) {
    return markdown.replace("`", "");
  }

  // --- words ---

  private Stream<Spec> specs() {
    return Stream.of(
            data.start().applications().stream(),
            data.applicationChanges().stream().map(ApplicationChange::spec),
            data.environments().stream().map(Environment::spec))
        .flatMap(s -> s);
  }

  private static String destinationKey(Spec spec) {
    return spec.destinationServer()
        + "|"
        + spec.destinationName()
        + "|"
        + spec.destinationNamespace();
  }

  private static String cluster(Spec spec) {
    return spec.destinationName().isEmpty() ? spec.destinationServer() : spec.destinationName();
  }

  private static String source(Spec spec) {
    return code(spec.path().isEmpty() ? "/" : spec.path())
        + " of "
        + code(spec.repoUrl())
        + " at "
        + code(spec.targetRevision().isEmpty() ? "HEAD" : spec.targetRevision())
        + ", deployed to namespace "
        + code(spec.destinationNamespace())
        + " on "
        + code(cluster(spec));
  }

  private static String syncPolicy(Spec spec) {
    if (!spec.automated()) {
      return "synced by hand";
    }
    List<String> with = new ArrayList<>();
    if (spec.selfHeal()) {
      with.add("self-heal");
    }
    if (spec.prune()) {
      with.add("prune");
    }
    return "automated sync" + (with.isEmpty() ? "" : " with " + join(with));
  }

  private static String syncKind(Sync s) {
    if (s.automated()) {
      return s.partial() ? "self-heal" : "auto-sync";
    }
    return (s.partial() ? "partial sync by " : "sync by ") + code(s.initiatedBy());
  }

  private String syncDescription(Sync s) {
    return (s.partial() ? "partial sync" : "sync")
        + (s.automated() ? "" : " by " + code(s.initiatedBy()))
        + " to "
        + sha(s.revision());
  }

  private static boolean failed(Sync s) {
    return OperationPhase.of(s.phase()).failed();
  }

  private static String gitSource(String source) {
    int hash = source.lastIndexOf('#');
    return hash < 0
        ? code(source)
        : code(source.substring(0, hash)) + " branch " + code(source.substring(hash + 1));
  }

  private static String repository(String source) {
    int hash = source.lastIndexOf('#');
    return hash < 0 ? source : source.substring(0, hash);
  }

  /** {@code platform.git main}: a Git source short enough for a chart. */
  private static String shortSource(String source) {
    int hash = source.lastIndexOf('#');
    String repo = repository(source).replaceAll("/+$", "");
    return repo.substring(repo.lastIndexOf('/') + 1)
        + (hash < 0 ? "" : " " + source.substring(hash + 1));
  }

  /** {@code Kind `namespace/name`}, with the cluster when the week covers several. */
  private String object(String resource) {
    ResourceKey key = ResourceKey.parse(resource);
    return key.kind()
        + " "
        + code(
            (severalClusters && !key.cluster().equals(ANY_CLUSTER) ? key.cluster() + ":" : "")
                + key.namespacedName());
  }

  private String fieldLabel(String path) {
    if (path.equals("spec.replicas")) {
      return "replicas";
    }
    Matcher image = CONTAINER_IMAGE.matcher(path);
    if (image.matches()) {
      return severalContainers ? "image of " + code(image.group(1)) : "image";
    }
    return code(path);
  }

  private static String fieldDescription(String path) {
    Matcher image = CONTAINER_IMAGE.matcher(path);
    return image.matches() ? "the image of container " + code(image.group(1)) : code(path);
  }

  /** A deployed value: a number as it is, anything else as code. */
  private static String value(String value) {
    return DIGITS.matcher(value).matches() ? value : code(value);
  }

  private String app(String application) {
    return applicationLabels.getOrDefault(application, application);
  }

  private List<String> apps(Collection<String> applications) {
    return applications.stream().map(this::app).toList();
  }

  /** Applications by name alone, unless two namespaces hold the same name. */
  private static Map<String, String> applicationLabels(WeekData data) {
    Set<String> all = new TreeSet<>();
    data.start().applications().forEach(s -> all.add(s.application()));
    data.start().holdings().forEach(t -> all.add(t.application()));
    data.applicationChanges().forEach(c -> all.add(c.spec().application()));
    data.environments().forEach(e -> all.add(e.spec().application()));
    data.objects().forEach(o -> o.tenures().forEach(t -> all.add(t.application())));
    data.drifts().forEach(d -> all.add(d.application()));
    data.conflicts().forEach(c -> all.addAll(c.applications()));
    data.conditions().forEach(c -> all.add(c.application()));
    data.statusAtEnd().forEach(s -> all.add(s.application()));
    data.commits().forEach(c -> all.addAll(c.affectedApplications()));
    Map<String, Long> names =
        all.stream().collect(Collectors.groupingBy(WeeklyJournal::name, Collectors.counting()));
    Map<String, String> labels = new TreeMap<>();
    all.forEach(a -> labels.put(a, names.get(name(a)) == 1 ? name(a) : a));
    return labels;
  }

  private static String name(String application) {
    return application.substring(application.indexOf('/') + 1);
  }

  private static Set<String> clusters(WeekData data) {
    Set<String> clusters = new TreeSet<>();
    data.objects().forEach(o -> clusters.add(ResourceKey.parse(o.resource()).cluster()));
    data.drifts().forEach(d -> clusters.add(ResourceKey.parse(d.resource()).cluster()));
    data.conflicts().forEach(c -> clusters.add(ResourceKey.parse(c.resource()).cluster()));
    return clusters;
  }

  private static Set<String> containers(WeekData data) {
    Set<String> containers = new TreeSet<>();
    data.environments().stream()
        .flatMap(e -> e.deployed().stream())
        .flatMap(d -> d.values().keySet().stream())
        .map(CONTAINER_IMAGE::matcher)
        .filter(Matcher::matches)
        .forEach(m -> containers.add(m.group(1)));
    return containers;
  }

  /** {@code Tue 11:00:04} within the week; with the date outside it. */
  private String time(Instant instant) {
    if (instant == null) {
      return "the end of the week";
    }
    boolean inWeek = !instant.isBefore(start) && instant.isBefore(end);
    return (inWeek ? IN_WEEK : OUTSIDE_WEEK).format(instant);
  }

  private String window(Instant from, Instant to) {
    return to == null
        ? "from " + time(from) + " to the end of the week"
        : time(from) + " – " + time(to) + " (" + duration(Duration.between(from, to)) + ")";
  }

  /** 4 s, 21 min, 29 min 4 s, 2 h 5 min, 3 d 4 h. */
  static String duration(Duration d) {
    return Human.duration(d);
  }

  /** A duration rounded to its largest unit, for ranges: {@code about 5 min}. */
  static String about(Duration d) {
    long s = Math.max(0, d.toSeconds());
    String rounded =
        s < 60
            ? s + " s"
            : s < 3600
                ? Math.round(s / 60.0) + " min"
                : s < 86400 ? Math.round(s / 3600.0) + " h" : Math.round(s / 86400.0) + " d";
    return duration(d).equals(rounded) ? rounded : "about " + rounded;
  }

  private static String times(long n) {
    return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
  }

  private static String words(long n) {
    return n < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) n] : Long.toString(n);
  }

  private static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  private static String sha(String sha) {
    return code(Human.revision(sha));
  }

  private static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }

  private static String bold(String text) {
    return "**" + text + "**";
  }

  /** Someone else's words (a commit message, Argo CD's), quoted, Markdown characters escaped. */
  private static String quote(String text) {
    return "“" + MARKDOWN_CHARACTERS.matcher(text).replaceAll("\\\\$1") + "”";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** Like {@link #join}, but past {@link #LISTED} items it names the first and counts the rest. */
  private static String joinCapped(List<String> items, String more) {
    if (items.size() <= LISTED) {
      return join(items);
    }
    List<String> listed = new ArrayList<>(items.subList(0, LISTED));
    listed.add(format(items.size() - LISTED) + " " + more);
    return join(listed);
  }

  /** {@code 19,870}. */
  private static String format(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** "a", "a and b", "a, b and c". */
  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private void heading(String heading) {
    line();
    line(heading);
    line();
  }

  private void row(List<String> cells) {
    line(
        "| "
            + cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))
            + " |");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  /** A blank line, unless there is one already or nothing yet. */
  private void line() {
    int n = out.length();
    if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
      out.append('\n');
    }
  }
}
