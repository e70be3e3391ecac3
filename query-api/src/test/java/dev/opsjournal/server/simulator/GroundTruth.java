package dev.opsjournal.server.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What really happened, recorded by the simulator as it acts, at the virtual clock's millisecond
 * precision: the answers the journal must give.
 */
public final class GroundTruth {

  /** One sync operation, from the Running write to the completed one. */
  public record Sync(
      String application,
      String revision,
      String initiatedBy,
      boolean automated,
      boolean partial,
      Instant startedAt,
      Instant finishedAt) {

    /** How the journal should tell it. */
    public String kind() {
      return kind(automated, partial);
    }

    static String kind(boolean automated, boolean partial) {
      return !automated ? "MANUAL" : partial ? "SELF_HEAL" : "AUTOMATED";
    }
  }

  /**
   * An object's tracking-id written for {@code to} at {@code at} by a sync of kind {@code by} (see
   * {@link Sync#kind()}); {@code from} is empty when the object was new or untracked.
   */
  public record TrackingChange(String resource, String from, String to, String by, Instant at) {}

  /**
   * A person's write that moved an object away from Git, and how Argo CD put it back.
   *
   * @param correction {@code SELF_HEAL}, {@code MANUAL_SYNC} or {@code REVERTED}; null while open
   */
  public record Drift(
      String application,
      String resource,
      String actor,
      Instant startedAt,
      String correction,
      String correctedBy,
      Instant correctedAt) {}

  /**
   * Argo CD's controller down: stopped at {@code stoppedAt}, started again at {@code restartedAt};
   * the outage the journal must tell runs from the newest reconcile before to the first after.
   */
  public record ControllerOutage(
      Instant lastReconciledAt,
      Instant stoppedAt,
      Instant restartedAt,
      Instant firstReconciledAt) {}

  private final List<ControllerOutage> controllerOutages = new ArrayList<>();
  private final List<Sync> syncs = new ArrayList<>();
  private final List<TrackingChange> trackingChanges = new ArrayList<>();
  private final List<Drift> drifts = new ArrayList<>();
  private final Map<String, ApplicationDocument.Operation> writtenBack = new HashMap<>();

  void synced(Sync sync) {
    syncs.add(sync);
  }

  void tracked(TrackingChange change) {
    trackingChanges.add(change);
  }

  void drifted(String application, String resource, String actor, Instant at) {
    drifts.add(new Drift(application, resource, actor, at, null, null, null));
  }

  boolean isDrifted(String resource) {
    return drifts.stream().anyMatch(d -> d.resource().equals(resource) && d.correctedAt() == null);
  }

  /** A sync's apply put the drifted object back: the drift ends when Argo CD reports it. */
  void wroteBack(String resource, ApplicationDocument.Operation sync) {
    if (isDrifted(resource)) {
      writtenBack.put(resource, sync);
    }
  }

  /**
   * Argo CD reports the open drift of {@code resource}, if any, Synced again: corrected by the sync
   * that wrote it back (finished or still Running), else reverted by hand.
   */
  void reportedSynced(String resource, Instant at) {
    ApplicationDocument.Operation sync = writtenBack.remove(resource);
    for (int i = 0; i < drifts.size(); i++) {
      Drift d = drifts.get(i);
      if (d.resource().equals(resource) && d.correctedAt() == null) {
        drifts.set(
            i,
            new Drift(
                d.application(),
                d.resource(),
                d.actor(),
                d.startedAt(),
                sync == null ? "REVERTED" : sync.automated() ? "SELF_HEAL" : "MANUAL_SYNC",
                sync == null ? "" : sync.initiatedBy(),
                at));
      }
    }
  }

  void controllerWasDown(ControllerOutage outage) {
    controllerOutages.add(outage);
  }

  public List<ControllerOutage> controllerOutages() {
    return List.copyOf(controllerOutages);
  }

  public List<Sync> syncs() {
    return List.copyOf(syncs);
  }

  public List<Sync> syncsOf(String application) {
    return syncs.stream().filter(s -> s.application().equals(application)).toList();
  }

  public List<TrackingChange> trackingChanges() {
    return List.copyOf(trackingChanges);
  }

  public List<Drift> drifts() {
    return List.copyOf(drifts);
  }
}
