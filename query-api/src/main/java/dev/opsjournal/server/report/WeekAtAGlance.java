package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.plain;
import static dev.opsjournal.server.report.Prose.count;
import static dev.opsjournal.server.report.Prose.duration;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.ReportLimits.CHART_DRIFTS;
import static dev.opsjournal.server.report.ReportLimits.CHART_OBJECTS;
import static dev.opsjournal.server.report.ReportLimits.OBJECT_LINES;
import static dev.opsjournal.server.report.ReportLimits.VISIBLE_BAR;
import static dev.opsjournal.server.report.Terms.shortSource;

import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "The week at a glance": a Mermaid Gantt chart of who held each object, the drifts and the
 * outages.
 */
final class WeekAtAGlance extends Section {

  private static final DateTimeFormatter MERMAID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern MERMAID_SYNTAX = Pattern.compile("[:#;]");
  private static final Pattern SPACES = Pattern.compile(" +");

  WeekAtAGlance(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## The week at a glance");
    List<ObjectStory> charted = data.objects();
    List<String> leftOut = new ArrayList<>();
    if (charted.size() > OBJECT_LINES) {
      List<ObjectStory> eventful = charted.stream().filter(week::eventful).toList();
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
                  Comparator.comparing((Drift d) -> Duration.between(d.startedAt(), week.until(d)))
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
      holders(story).stream().sorted(Comparator.comparing(Task::from)).forEach(this::task);
    }
    if (!drifts.isEmpty()) {
      line("    section Drift");
      for (Drift d : drifts) {
        String what =
            d.evidence().equals("DELETION")
                ? plain(object(d.resource())) + " deleted"
                : (d.actor().equals("unknown") ? "drift" : d.actor())
                    + " on "
                    + plain(object(d.resource()));
        episode(what, d.startedAt(), week.until(d));
      }
    }
    if (!data.outages().isEmpty()) {
      line("    section Outages");
      for (Outage o : data.outages()) {
        String what =
            o.seenByArgoCd()
                ? "Argo CD could not reach " + shortSource(o.subject())
                : o.kind().equals(WeekData.CONTROLLER)
                    ? "Argo CD controller down in " + o.subject()
                    : "Git unavailable, " + shortSource(o.subject());
        episode(what, o.startedAt(), o.endedAt() == null ? end : o.endedAt());
      }
    }
    line("```");
  }

  /**
   * An object's bars: one per contest (two or more changes of hands in the week), and one per
   * tenure, cut where a contest covers it.
   */
  private List<Task> holders(ObjectStory story) {
    List<Task> tasks = new ArrayList<>();
    List<Instant[]> contests = new ArrayList<>();
    for (Conflict c : week.conflictsOn(story.resource())) {
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
    return tasks;
  }

  /** A drift or an outage: a critical bar from its start (or the week's) with its length. */
  private void episode(String what, Instant from, Instant to) {
    task(
        new Task(
            what + " (" + duration(Duration.between(from, to)) + ")",
            "crit",
            from.isBefore(start) ? start : from,
            to));
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
}
