package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.quote;
import static dev.opsjournal.server.report.Prose.count;
import static dev.opsjournal.server.report.Prose.firstLine;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.ReportLimits.INTRODUCED_LINES;
import static dev.opsjournal.server.report.Terms.gitSource;
import static dev.opsjournal.server.report.Terms.sha;
import static dev.opsjournal.server.report.Terms.source;
import static dev.opsjournal.server.report.Terms.syncKind;
import static dev.opsjournal.server.report.Terms.syncPolicy;

import dev.opsjournal.server.report.WeekData.ApplicationChange;
import dev.opsjournal.server.report.WeekData.Commit;
import dev.opsjournal.server.report.WeekData.Rewrite;
import dev.opsjournal.server.report.WeekData.Spec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "Introduced": the Applications registered, changed or deleted in the week, and the commits
 * recorded, with which Applications each commit reached.
 */
final class Introduced extends Section {

  Introduced(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Introduced");
    if (data.applicationChanges().isEmpty()
        && data.commits().isEmpty()
        && data.rewrites().isEmpty()) {
      line("Nothing new: no Application was registered or changed, and no commit was recorded.");
      return;
    }
    if (!data.applicationChanges().isEmpty()) {
      applications(data.applicationChanges());
    }
    if (!data.commits().isEmpty() || !data.rewrites().isEmpty()) {
      commits();
    }
  }

  /** A line per change up to {@link ReportLimits#INTRODUCED_LINES}; the rest counted by kind. */
  private void applications(List<ApplicationChange> changes) {
    heading("### Applications");
    for (ApplicationChange change :
        changes.subList(0, Math.min(changes.size(), INTRODUCED_LINES))) {
      Spec spec = change.spec();
      line(
          "- "
              + bold(app(spec.application()))
              + ", "
              + verb(change.kind())
              + " "
              + time(change.at())
              + (change.kind().equals(ReportProjection.DELETED)
                  ? (change.by() == null ? "." : ": " + change.by() + ".")
                  : ": "
                      + (change.kind().equals(ReportProjection.REGISTERED) ? "" : "now ")
                      + source(spec)
                      + "; "
                      + syncPolicy(spec)
                      + (change.by() == null ? "" : "; " + change.by())
                      + "."));
    }
    if (changes.size() > INTRODUCED_LINES) {
      Map<String, Long> kinds =
          changes.subList(INTRODUCED_LINES, changes.size()).stream()
              .collect(
                  Collectors.groupingBy(
                      ApplicationChange::kind, TreeMap::new, Collectors.counting()));
      List<String> counted = new ArrayList<>();
      kinds.forEach((kind, n) -> counted.add(format(n) + " " + verb(kind)));
      line(
          "- "
              + format(changes.size() - INTRODUCED_LINES)
              + " more changes to Applications: "
              + join(counted)
              + ".");
    }
  }

  /** {@code registered}, {@code deleted} or {@code changed}. */
  private static String verb(String kind) {
    return switch (kind) {
      case ReportProjection.REGISTERED -> "registered";
      case ReportProjection.DELETED -> "deleted";
      default -> "changed";
    };
  }

  /** Per Git source, its commits and its history rewrites. */
  private void commits() {
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
                          + (c.unreachableSince() == null
                              ? ""
                              : " (force-pushed away on " + time(c.unreachableSince()) + ")")
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
            : " (" + String.join(", ", r.unreachable().stream().map(Terms::sha).toList()) + ")")
        + ".";
  }

  private long registeredBefore(Instant at) {
    return data.start().applications().size()
        + data.applicationChanges().stream()
            .filter(c -> c.kind().equals(ReportProjection.REGISTERED))
            .filter(c -> c.at().isBefore(at))
            .count();
  }
}
