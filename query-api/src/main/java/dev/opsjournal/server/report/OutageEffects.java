package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.code;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Spec;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the week's outages explain: a drift nobody corrected while the controller was down, a
 * condition an Application showed while its Git source could not be fetched.
 */
final class OutageEffects {

  /** Corrections only Argo CD's controller makes: its syncs, automated or asked for by a user. */
  private static final Set<String> CONTROLLER_CORRECTIONS = Set.of("SELF_HEAL", "MANUAL_SYNC");

  private static final String COMPARISON_ERROR = "ComparisonError";

  private final List<Outage> outages;
  private final Instant end;
  private final Map<String, Set<String>> repositories = new HashMap<>();

  /**
   * @param end the end of the week, where an open outage or episode stops
   * @param specs every source an Application had in the week
   */
  OutageEffects(List<Outage> outages, Instant end, Stream<Spec> specs) {
    this.outages = outages;
    this.end = end;
    specs.forEach(
        spec ->
            repositories
                .computeIfAbsent(spec.application(), k -> new HashSet<>())
                .add(RepositoryIdentity.of(spec.repoUrl())));
  }

  /**
   * The outages, each of Argo CD's controller ended no later than the first correction the
   * controller made during it: a self-heal or sync that put a drift back proves it was running, so
   * no sentence may say it was down until after that ("down from 09:59:59 to 10:34:16; self-heal
   * put it back at 10:31:00"). The journal dates the recovery at the controller's first act, which
   * comes before any correction; this keeps the prose whole should that act not have been observed.
   */
  static List<Outage> endedByTheController(List<Outage> outages, List<Drift> drifts) {
    return outages.stream().map(o -> endedByTheController(o, drifts)).toList();
  }

  private static Outage endedByTheController(Outage o, List<Drift> drifts) {
    if (!o.kind().equals(WeekData.CONTROLLER)) {
      return o;
    }
    Instant firstCorrection =
        drifts.stream()
            .filter(d -> d.correctedAt() != null && CONTROLLER_CORRECTIONS.contains(d.correction()))
            .filter(d -> ResourceKey.parse(d.resource()).cluster().equals(o.subject()))
            .map(Drift::correctedAt)
            .filter(at -> at.isAfter(o.startedAt()))
            .filter(at -> o.endedAt() == null || at.isBefore(o.endedAt()))
            .min(Instant::compareTo)
            .orElse(null);
    return firstCorrection == null
        ? o
        : new Outage(
            o.kind(), o.subject(), o.startedAt(), o.detectedAt(), firstCorrection, o.reason());
  }

  /** Whether the outage overlaps {@code from}–{@code to} (null: to the end of the week). */
  boolean overlaps(Outage o, Instant from, Instant to) {
    Instant outageEnd = o.endedAt() == null ? end : o.endedAt();
    return !o.startedAt().isAfter(to == null ? end : to) && !from.isAfter(outageEnd);
  }

  /**
   * A condition raised during an outage, on an Application the outage concerns: any Application for
   * the controller, those taking their source from the repository for a Git source.
   */
  boolean explains(Outage o, Condition c) {
    if (!overlaps(o, c.raisedAt(), c.raisedAt())) {
      return false;
    }
    if (o.kind().equals(WeekData.CONTROLLER)) {
      return true;
    }
    if (o.seenByArgoCd()) {
      return c.type().equals(COMPARISON_ERROR) && o.applications().contains(c.application());
    }
    return repositories
        .getOrDefault(c.application(), Set.of())
        .contains(RepositoryIdentity.of(Terms.repository(o.subject())));
  }

  /**
   * The drifts in the controller's cluster open at some time during its outage: nobody enforced the
   * desired state meanwhile. Unlike {@link #controllerOutages}, the ends count (a drift that began
   * as the controller stopped waited for it too).
   */
  List<Drift> heldUp(Outage controller, List<Drift> drifts) {
    return drifts.stream()
        .filter(d -> ResourceKey.parse(d.resource()).cluster().equals(controller.subject()))
        .filter(d -> overlaps(controller, d.startedAt(), d.correctedAt()))
        .toList();
  }

  /** The controller outages in the object's cluster between {@code from} and {@code to}. */
  List<Outage> controllerOutages(String resource, Instant from, Instant to) {
    String cluster = ResourceKey.parse(resource).cluster();
    return outages.stream()
        .filter(o -> o.kind().equals(WeekData.CONTROLLER) && o.subject().equals(cluster))
        .filter(o -> o.startedAt().isBefore(to))
        .filter(o -> o.endedAt() == null || o.endedAt().isAfter(from))
        .toList();
  }

  /**
   * Whether a condition is told by a Git outage as Argo CD saw it: that outage's line tells the
   * ComparisonErrors it is made of, so no other line repeats them.
   */
  boolean toldByArgoCdOutage(Condition c) {
    return outages.stream().anyMatch(o -> o.seenByArgoCd() && explains(o, c));
  }

  /**
   * {@code Argo CD's controller down in cluster `local`}, {@code `repo` branch `main` unavailable},
   * {@code `repo` unreachable from Argo CD}.
   */
  static String name(Outage o) {
    if (o.seenByArgoCd()) {
      return code(o.subject()) + " unreachable from Argo CD";
    }
    return o.kind().equals(WeekData.CONTROLLER)
        ? "Argo CD's controller down in cluster " + code(o.subject())
        : Terms.gitSource(o.subject()) + " unavailable";
  }
}
