package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.ApplicationChange;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The week being written: its data, how it names things, and what several sections derive from it,
 * derived once so that the sections cannot tell it differently.
 */
final class Week {

  final WeekData data;
  final Instant start;
  final Instant end;
  final Names names;
  final List<ConflictGroup> fights;
  final OutageEffects outages;
  private final Map<String, List<Conflict>> conflictsByObject = new HashMap<>();

  Week(WeekData data) {
    this.data = data;
    this.start = data.week().start();
    this.end = data.week().end();
    this.names = new Names(data);
    this.fights = ConflictGroup.of(data.conflicts());
    this.outages = new OutageEffects(data.outages(), end, specs());
    data.conflicts()
        .forEach(
            c -> conflictsByObject.computeIfAbsent(c.resource(), k -> new ArrayList<>()).add(c));
  }

  /** Every spec an Application had in the week: before it, as changed in it, as deployed. */
  Stream<Spec> specs() {
    return Stream.of(
            data.start().applications().stream(),
            data.applicationChanges().stream().map(ApplicationChange::spec),
            data.environments().stream().map(Environment::spec))
        .flatMap(s -> s);
  }

  /** When a drift ended: its correction, or the end of the week while it is open. */
  Instant until(Drift d) {
    return d.correctedAt() == null ? end : d.correctedAt();
  }

  /** The changes of hands dated in the week. */
  List<Flip> inWeek(List<Flip> flips) {
    return flips.stream().filter(f -> !f.at().isBefore(start)).toList();
  }

  List<Conflict> conflictsOn(String resource) {
    return conflictsByObject.getOrDefault(resource, List.of());
  }

  /** Whether {@code c} is Argo CD's warning about one of the week's fights. */
  boolean isConflictWarning(Condition c) {
    return fights.stream().anyMatch(g -> g.warnedBy(c));
  }

  /** Whether an object changed hands, lost its owner, was deleted or was contested. */
  boolean eventful(ObjectStory story) {
    List<Tenure> tenures = story.tenures();
    return tenures.size() > 1
        || tenures.get(0).to() != null
        || conflictsByObject.containsKey(story.resource())
        || story.lifecycle().stream().anyMatch(l -> !l.kind().equals(ReportProjection.APPEARED));
  }
}
