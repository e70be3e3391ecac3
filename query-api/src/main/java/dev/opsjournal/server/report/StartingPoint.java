package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.quote;
import static dev.opsjournal.server.report.Prose.count;
import static dev.opsjournal.server.report.Prose.firstLine;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.joinCapped;
import static dev.opsjournal.server.report.ReportLimits.LONE_LINES;
import static dev.opsjournal.server.report.Terms.gitSource;
import static dev.opsjournal.server.report.Terms.sha;
import static dev.opsjournal.server.report.Terms.source;

import dev.opsjournal.server.report.WeekData.Commit;
import dev.opsjournal.server.report.WeekData.SourceHistory;
import dev.opsjournal.server.report.WeekData.Spec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The journal's "Starting point": what it held before the week, and what was still open. */
final class StartingPoint extends Section {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  StartingPoint(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Starting point");
    WeekData.Start before = data.start();
    List<String> carried = new ArrayList<>();
    week.fights.stream()
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
        .forEach(o -> carried.add(OutageEffects.name(o) + " (since " + time(o.startedAt()) + ")"));
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
}
