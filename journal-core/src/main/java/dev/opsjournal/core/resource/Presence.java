package dev.opsjournal.core.resource;

import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sighting of a present object says about it: it appeared, it was re-created (a new uid, or
 * back after a deletion), its desired state changed, or nothing happened.
 */
final class Presence {

  private Presence() {}

  /**
   * The object as the journal last knew it.
   *
   * @param uid null before the object was ever seen
   */
  record Known(String uid, boolean deleted, long generation, String specFingerprint) {}

  /**
   * The event {@code seen} makes, if any.
   *
   * @param claimedBy the Application the object's tracking names, {@code ""} for none
   */
  static Optional<ResourceEvent> change(ResourceObserved seen, Known known, String claimedBy) {
    Optional<ManagedFieldsEntry> write = seen.latestWrite();
    String manager = write.map(ManagedFieldsEntry::manager).orElse(DriftDetected.UNKNOWN_ACTOR);
    Instant at = seen.observedAt();
    if (known.uid() == null) {
      return Optional.of(
          new ResourceAppeared(
              seen.resource(),
              seen.uid(),
              seen.generation(),
              seen.specFingerprint(),
              seen.desired(),
              manager,
              at));
    }
    if (known.deleted() || !known.uid().equals(seen.uid())) {
      return Optional.of(
          new ResourceRecreated(
              seen.resource(),
              known.uid(),
              seen.uid(),
              seen.generation(),
              seen.specFingerprint(),
              seen.desired(),
              claimedBy,
              manager,
              at));
    }
    if (seen.generation() == known.generation()
        && seen.specFingerprint().equals(known.specFingerprint())) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourceChanged(
            seen.resource(),
            known.uid(),
            seen.generation(),
            seen.specFingerprint(),
            seen.desired(),
            manager,
            write.map(ManagedFieldsEntry::operation).orElse(""),
            write.map(ManagedFieldsEntry::fields).orElse(List.of()),
            write.map(ManagedFieldsEntry::time).orElse(at),
            at));
  }
}
