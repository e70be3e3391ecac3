package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Prose.capitalise;
import static dev.opsjournal.server.report.Prose.duration;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.times;
import static dev.opsjournal.server.report.Prose.words;
import static dev.opsjournal.server.report.Terms.fieldDescription;
import static dev.opsjournal.server.report.Terms.syncDescription;
import static dev.opsjournal.server.report.Terms.value;

import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Sync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Drift", under "Observed behaviour": each time the live state moved away from Git, who moved it
 * and what put it back.
 */
final class Drifts extends Section {

  Drifts(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("### Drift");
    List<Drift> drifts = data.drifts();
    if (drifts.isEmpty()) {
      line("None: the live state stayed what Git declares.");
      return;
    }
    line(summary(drifts));
    line();
    drifts.forEach(d -> line("- " + driftLine(d)));
  }

  /** How often the live state moved away, and what put it back, in one sentence. */
  private static String summary(List<Drift> drifts) {
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
    return summary;
  }

  /** When, on what, by whom; then what put it back, and after how long. */
  private String driftLine(Drift d) {
    String happened =
        bold(time(d.startedAt()))
            + ", "
            + object(d.resource())
            + " of "
            + app(d.application())
            + ": "
            + whatHappened(d, week.names)
            + ". ";
    Instant until = week.until(d);
    String controller =
        join(
            week.outages.controllerOutages(d.resource(), d.startedAt(), until).stream()
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

  /** What the drift's actor did, as a clause: {@code `kubectl` set `spec.replicas` to 3}. */
  static String whatHappened(Drift d, Names names) {
    boolean known = !d.actor().isEmpty() && !d.actor().equals("unknown");
    return switch (d.evidence()) {
      case "DELETION" ->
          known
              ? code(d.actor()) + " deleted it"
              : "it was deleted; the journal could not tell by whom";
      case "OUT_OF_SYNC" ->
          names.app(d.application())
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
}
