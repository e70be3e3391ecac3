package dev.opsjournal.core.resource;

import java.time.Instant;

/**
 * The resource's latest drift episode, as its events left it: open until {@code correctedAt}.
 *
 * @param correctedBefore when the episode before this one was corrected (null if none): a change
 *     before it belongs to that episode, not to this one
 */
record Drift(
    int episode,
    String application,
    String revision,
    DriftEvidence evidence,
    String actor,
    Instant startedAt,
    Instant detectedAt,
    Instant correctedAt,
    Instant correctedBefore) {

  /** A new episode, after {@code previous} (null for the resource's first). */
  static Drift detected(DriftDetected event, Drift previous) {
    return new Drift(
        event.episode(),
        event.application(),
        event.revision(),
        event.evidence(),
        event.actor(),
        event.startedAt(),
        event.at(),
        null,
        previous == null ? null : previous.correctedAt);
  }

  /** The same episode, now known to be about {@code evidence} by {@code actor} since {@code at}. */
  Drift attributed(DriftEvidence newEvidence, String newActor, Instant newStartedAt) {
    return new Drift(
        episode,
        application,
        revision,
        newEvidence,
        newActor,
        newStartedAt,
        detectedAt,
        correctedAt,
        correctedBefore);
  }

  /** The same episode, ended at {@code at}. */
  Drift corrected(Instant at) {
    return new Drift(
        episode,
        application,
        revision,
        evidence,
        actor,
        startedAt,
        detectedAt,
        at,
        correctedBefore);
  }

  boolean isOpen() {
    return correctedAt == null;
  }

  boolean actorUnknown() {
    return DriftDetected.UNKNOWN_ACTOR.equals(actor);
  }

  /**
   * Whether a change at {@code changedAt} is what this episode's verdict was about: it came no
   * later than the verdict, and after the episode before was corrected.
   */
  boolean explains(Instant changedAt) {
    return !changedAt.isAfter(detectedAt)
        && (correctedBefore == null || changedAt.isAfter(correctedBefore));
  }

  /**
   * Whether a change at {@code changedAt} came after this episode was corrected (true while open).
   */
  boolean isAfterCorrection(Instant changedAt) {
    return correctedAt == null || changedAt.isAfter(correctedAt);
  }

  /** When the episode began if a write at {@code at} caused it: the earlier of the two. */
  Instant startOrEarlier(Instant at) {
    return at.isBefore(startedAt) ? at : startedAt;
  }
}
