package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Prose.count;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.joinCapped;
import static dev.opsjournal.server.report.ReportLimits.LONE_LINES;
import static dev.opsjournal.server.report.Terms.destinationKey;

import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Environment differences": what Argo CD applied for each Application, one table per {@link
 * Families family}, a line per Application with nothing to compare, and the Applications that
 * deploy the same objects to the same place.
 */
final class EnvironmentDifferences extends Section {

  EnvironmentDifferences(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Environment differences");
    List<Environment> environments = data.environments();
    if (environments.isEmpty()) {
      line("Nothing was deployed.");
      return;
    }
    List<List<Environment>> families = Families.of(environments);
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
        String path = Families.familyPath(first.path());
        heading("### " + code(path.isEmpty() ? "/" : path) + " of " + code(first.repoUrl()));
      }
      new FamilyTable(week, out, family).write();
    }
    if (!lone.isEmpty()) {
      line();
      loneApplications(lone);
    }
    idleApplications(environments);
    sharedDestinations(environments);
  }

  /** The Applications that existed in the week but deployed nothing. */
  private void idleApplications(List<Environment> environments) {
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
              + FamilyTable.revisions(e, week.names)
              + ".");
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
}
