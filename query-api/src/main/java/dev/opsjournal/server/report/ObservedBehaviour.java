package dev.opsjournal.server.report;

/**
 * "Observed behaviour": the {@link Drifts drifts} and the {@link Conflicts conflicts} the journal
 * saw.
 */
final class ObservedBehaviour extends Section {

  ObservedBehaviour(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Observed behaviour");
    if (data.drifts().isEmpty() && data.conflicts().isEmpty()) {
      line("Nothing to report: no drift, and no conflict between Applications.");
      return;
    }
    new Drifts(week, out).write();
    new Conflicts(week, out).write();
  }
}
