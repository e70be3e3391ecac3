package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.quote;
import static dev.opsjournal.server.report.Prose.about;
import static dev.opsjournal.server.report.Prose.capitalise;
import static dev.opsjournal.server.report.Prose.duration;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.times;
import static dev.opsjournal.server.report.Prose.within;
import static dev.opsjournal.server.report.Prose.words;
import static dev.opsjournal.server.report.Terms.syncKind;

import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Flip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Conflict", under "Observed behaviour": a paragraph per fight between Applications declaring the
 * same objects.
 */
final class Conflicts extends Section {

  Conflicts(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    if (week.fights.isEmpty()) {
      heading("### Conflicts");
      line("None: no object was declared by two Applications.");
      return;
    }
    for (ConflictGroup g : week.fights) {
      heading("### Conflict: " + String.join(" vs ", apps(g.applications())));
      line(conflictParagraph(g));
    }
  }

  /** A fight as one paragraph: how it began, how it went, where it stands at the week's end. */
  private String conflictParagraph(ConflictGroup g) {
    List<Conflict> cs = g.conflicts();
    String them = cs.size() > 1 ? "them" : "it";
    List<String> sentences = new ArrayList<>();
    sentences.add(opening(g, them));
    Conflict lead = cs.get(0);
    List<Flip> flips = inWeek(lead.flips());
    howItWent(flips, them).ifPresent(sentences::add);
    if (g.changedHandsAlike(start)) {
      sentences.add(flipCount(lead, cs.size() > 1 ? "Each object" : "It"));
    } else {
      cs.forEach(c -> sentences.add(flipCount(c, object(c.resource()))));
    }
    latency(flips, them).ifPresent(sentences::add);
    sentences.addAll(warnings(g));
    sentences.add(conflictState(g, them));
    return String.join(". ", sentences) + ".";
  }

  /** When the fight began, or that it went on from before the week. */
  private String opening(ConflictGroup g, String them) {
    String objects = join(g.conflicts().stream().map(c -> object(c.resource())).toList());
    return g.startedAt().isBefore(start)
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
            + them;
  }

  /** Who took the objects first, and whose syncs took them back after. */
  private Optional<String> howItWent(List<Flip> flips, String them) {
    if (flips.isEmpty()) {
      return Optional.empty();
    }
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
    return how.isEmpty() ? Optional.empty() : Optional.of(capitalise(String.join("; then ", how)));
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
    return FlipPattern.of(flips)
        .map(
            recoveries ->
                "Throughout, "
                    + String.join(
                        ", while ", recoveries.stream().map(r -> recovery(r, them)).toList()));
  }

  private String recovery(FlipPattern.Recovery r, String them) {
    String who = app(r.application());
    return switch (r.kind()) {
      case STEADY -> who + " took " + them + " back " + within(r.longest()) + " every time";
      case BACKOFF ->
          who
              + " waited longer each time, from "
              + duration(r.shortest())
              + " to "
              + about(r.longest())
              + (r.bySelfHeal() ? " (Argo CD's self-heal backoff)" : "");
      case VARYING ->
          who
              + " took "
              + them
              + " back after "
              + duration(r.shortest())
              + " to "
              + about(r.longest());
    };
  }

  /**
   * The SharedResourceWarnings the contenders showed, in one sentence ({@link SharedWarnings}): in
   * Argo CD's words when it said one thing, else its first message and how many more like it.
   */
  private List<String> warnings(ConflictGroup g) {
    return SharedWarnings.of(data.conditions().stream().filter(g::warnedBy).toList())
        .map(
            w ->
                "Argo CD raised "
                    + ConflictGroup.SHARED_RESOURCE_WARNING
                    + " on "
                    + (w.applications().size() == 2 && g.applications().size() == 2
                        ? "both Applications"
                        : join(apps(w.applications())))
                    + " from "
                    + time(w.from())
                    + ": "
                    + quote(w.first())
                    + (w.others() == 0 ? "" : ", and " + words(w.others()) + " more like it"))
        .stream()
        .toList();
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
    Optional<String> holder = ConflictGroup.commonHolder(cs);
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
}
