package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.Flip;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * One section of the weekly journal: it writes itself into the journal's {@link Markdown}, naming
 * things as the {@link Week} names them.
 */
abstract class Section {

  final Week week;
  final WeekData data;
  final Instant start;
  final Instant end;
  final Markdown out;

  Section(Week week, Markdown out) {
    this.week = week;
    this.data = week.data;
    this.start = week.start;
    this.end = week.end;
    this.out = out;
  }

  /** Writes the section, its heading first. */
  abstract void write();

  final void line(String text) {
    out.line(text);
  }

  final void line() {
    out.line();
  }

  final void heading(String heading) {
    out.heading(heading);
  }

  final void row(List<String> cells) {
    out.row(cells);
  }

  final String time(Instant instant) {
    return week.names.time(instant);
  }

  final String window(Instant from, Instant to) {
    return week.names.window(from, to);
  }

  final String app(String application) {
    return week.names.app(application);
  }

  final List<String> apps(Collection<String> applications) {
    return week.names.apps(applications);
  }

  final String object(String resource) {
    return week.names.object(resource);
  }

  final List<Flip> inWeek(List<Flip> flips) {
    return week.inWeek(flips);
  }
}
