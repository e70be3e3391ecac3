package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Markdown.quote;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Terms.gitSource;
import static dev.opsjournal.server.report.Terms.sha;
import static dev.opsjournal.server.report.Terms.syncKind;

import dev.opsjournal.core.application.GitFailure;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Sync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Failure modes observed": controller and Git outages (as the Git collector and as Argo CD saw
 * them) with what they explain, failed syncs, and the conditions no outage explains.
 */
final class FailureModes extends Section {

  FailureModes(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Failure modes observed");
    List<Condition> unexplained =
        data.conditions().stream()
            .filter(c -> !week.isConflictWarning(c))
            .filter(c -> data.outages().stream().noneMatch(o -> week.outages.explains(o, c)))
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

  /**
   * {@code Argo CD could not reach `repo` from … to … (20 min, connection refused); 2 Applications
   * affected: …}: the Applications' ComparisonErrors, told once for the repository.
   */
  private String argoCdLine(Outage o) {
    String failure =
        GitFailure.ofSlug(o.failure()).map(GitFailure::description).orElse(o.failure());
    int n = o.applications().size();
    return bold("Git unavailable to Argo CD")
        + ": Argo CD could not reach "
        + code(o.subject())
        + " from "
        + time(o.startedAt())
        + " to "
        + time(o.endedAt())
        + " ("
        + (o.endedAt() == null
            ? failure
            : Prose.duration(Duration.between(o.startedAt(), o.endedAt())) + ", " + failure)
        + "); "
        + n
        + (n == 1 ? " Application" : " Applications")
        + " affected: "
        + join(apps(o.applications()))
        + ".";
  }

  private String outageLine(Outage o) {
    if (o.seenByArgoCd()) {
      return argoCdLine(o);
    }
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
      List<Drift> waited = week.outages.heldUp(o, data.drifts());
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
                .filter(c -> !week.isConflictWarning(c))
                .filter(c -> week.outages.explains(o, c))
                .filter(c -> !week.outages.toldByArgoCdOutage(c))
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
}
