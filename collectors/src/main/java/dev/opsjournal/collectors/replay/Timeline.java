package dev.opsjournal.collectors.replay;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The order of a replay, decided before anything is published: the capture's watch events and the
 * commits becoming visible (committer time + 30 s) in recorded-time order, and a heartbeat on every
 * five-minute boundary of recorded time between the first step and the last, carrying the newest
 * {@code reconciledAt} of the Applications before it, as the live collector's heartbeats would.
 */
final class Timeline {

  static final Duration HEARTBEAT = Duration.ofMinutes(5);
  static final Duration COMMIT_SEEN_AFTER = Duration.ofSeconds(30);

  private Timeline() {}

  /** A watch event of the capture, mapped: what to publish, or empty when nothing is journaled. */
  record Watched(Instant at, Optional<Observation> observation) {}

  /** A commit of the branch with its committer time; parents come before their children. */
  record Commit(String sha, Instant committedAt) {}

  /** One step of a replay. */
  sealed interface Step {
    Instant at();
  }

  /**
   * Publish a watch event's observation; {@code refresh} when it only moves an Application's {@code
   * reconciledAt}, which changes nothing the journal must take in before the next step.
   */
  record Publish(Instant at, Observation observation, boolean refresh) implements Step {}

  /** A watch event with nothing to journal: it still marks recorded time. */
  record Skip(Instant at) implements Step {}

  /** Let the Git collector see commit {@code sha}. */
  record Reveal(Instant at, String sha) implements Step {}

  /** A heartbeat of the replay's collector; {@code reconciledAt} is null before any was seen. */
  record Heartbeat(Instant at, Instant reconciledAt) implements Step {}

  /**
   * The merged steps. Ties in time keep a commit before a watch event (a revision is seen before
   * the sync that names it), then the capture's and the branch's own order.
   */
  static List<Step> of(List<Watched> watched, List<Commit> commits) {
    record Entry(Instant at, int order, Watched watched, Commit commit) {}
    List<Entry> entries = new ArrayList<>();
    watched.forEach(w -> entries.add(new Entry(w.at(), 1, w, null)));
    commits.forEach(
        c -> entries.add(new Entry(c.committedAt().plus(COMMIT_SEEN_AFTER), 0, null, c)));
    entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::order));

    List<Step> steps = new ArrayList<>();
    if (entries.isEmpty()) {
      return steps;
    }
    Map<ResourceKey, ApplicationObserved> lastApplication = new HashMap<>();
    Instant reconciled = null;
    Instant heartbeat = firstBoundary(entries.get(0).at());
    for (Entry entry : entries) {
      for (; heartbeat.isBefore(entry.at()); heartbeat = heartbeat.plus(HEARTBEAT)) {
        steps.add(new Heartbeat(heartbeat, reconciled));
      }
      if (entry.commit() != null) {
        steps.add(new Reveal(entry.at(), entry.commit().sha()));
        continue;
      }
      Optional<Observation> observation = entry.watched().observation();
      if (observation.isEmpty()) {
        steps.add(new Skip(entry.at()));
        continue;
      }
      boolean refresh = false;
      if (observation.get() instanceof ApplicationObserved app) {
        refresh = isRefresh(lastApplication.put(app.application(), app), app);
        reconciled = newer(reconciled, app.status() == null ? null : app.status().reconciledAt());
      }
      steps.add(new Publish(entry.at(), observation.get(), refresh));
    }
    Instant last = entries.get(entries.size() - 1).at();
    for (; !heartbeat.isAfter(last); heartbeat = heartbeat.plus(HEARTBEAT)) {
      steps.add(new Heartbeat(heartbeat, reconciled));
    }
    return steps;
  }

  /** The first heartbeat boundary (a multiple of five minutes) at or after {@code at}. */
  static Instant firstBoundary(Instant at) {
    long step = HEARTBEAT.toSeconds();
    long seconds = at.getEpochSecond();
    long boundary = Math.floorDiv(seconds, step) * step;
    if (boundary < seconds || at.getNano() > 0) {
      boundary += step;
    }
    return Instant.ofEpochSecond(boundary);
  }

  /** A refresh: only {@code reconciledAt} (and the resourceVersion) moved. */
  static boolean isRefresh(ApplicationObserved before, ApplicationObserved now) {
    if (before == null || before.action() != now.action() || now.status() == null) {
      return false;
    }
    ApplicationObserved.Status a = before.status();
    ApplicationObserved.Status b = now.status();
    return a != null
        && Objects.equals(before.spec(), now.spec())
        && Objects.equals(before.labels(), now.labels())
        && Objects.equals(before.annotations(), now.annotations())
        && Objects.equals(a.syncStatus(), b.syncStatus())
        && Objects.equals(a.syncRevision(), b.syncRevision())
        && Objects.equals(a.healthStatus(), b.healthStatus())
        && Objects.equals(a.operationState(), b.operationState())
        && Objects.equals(a.conditions(), b.conditions())
        && Objects.equals(a.resources(), b.resources())
        && Objects.equals(a.history(), b.history());
  }

  private static Instant newer(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }
}
