package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.code;

import java.util.List;

/**
 * Writes one ISO week of the journal as Markdown, the way a platform team keeps its own journal:
 * where the week started, what was introduced, how the environments differ by what was deployed,
 * who owned what, what the journal saw happen, what failed, what is still open, and a Mermaid Gantt
 * chart of it all. A plain function of {@link WeekData}: no I/O, no clock. Each section is its own
 * class; this one only puts them in the journal's order.
 */
final class WeeklyJournal {

  private WeeklyJournal() {}

  /** The week as Markdown, ending with a newline. */
  static String render(WeekData data) {
    if (nothingIn(data)) {
      return "Nothing was journaled in "
          + data.week()
          + (data.cluster() == null ? "" : " for cluster " + code(data.cluster()))
          + ".\n";
    }
    Week week = new Week(data);
    Markdown out = new Markdown();
    out.line("# Journal — " + data.week() + " (" + data.week().days() + ")");
    out.line();
    out.line(
        (data.cluster() == null ? "All clusters" : "Cluster " + code(data.cluster()))
            + ". Times are UTC.");
    List.of(
            new StartingPoint(week, out),
            new Introduced(week, out),
            new EnvironmentDifferences(week, out),
            new Ownership(week, out),
            new ObservedBehaviour(week, out),
            new FailureModes(week, out),
            new OpenItems(week, out),
            new WeekAtAGlance(week, out))
        .forEach(Section::write);
    return out.text();
  }

  /** No entry dated in the week, and nothing carried through it still open. */
  private static boolean nothingIn(WeekData data) {
    return data.entries() == 0
        && data.drifts().isEmpty()
        && data.conflicts().isEmpty()
        && data.outages().isEmpty()
        && data.conditions().isEmpty()
        && OpenItems.unsettled(data.statusAtEnd()).isEmpty();
  }
}
