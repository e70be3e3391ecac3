package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.application.LastSync;
import dev.opsjournal.core.observation.OperationPhase;
import dev.opsjournal.core.observation.SyncStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What opens a drift, what it was about and how it ended, decided from facts the aggregate hands
 * in. No state and no clock: {@link TrackedResource} applies what these rules decide.
 */
final class DriftRules {

  private DriftRules() {}

  /** What a drift was about, by whom, and since when. */
  record Cause(DriftEvidence evidence, String actor, List<String> fields, Instant startedAt) {}

  /** How a drift ended, and who ended it ({@code ""} when nobody is known). */
  record End(Correction correction, String by) {}

  /**
   * Argo CD's verdict that opens a drift: the object went from Synced to OutOfSync while the
   * revision stood still. At a new revision, OutOfSync is Git moving on, not the cluster drifting.
   */
  static boolean verdictOpensDrift(ObserveDeclaration declaration) {
    return SyncStatus.of(declaration.status()) == SyncStatus.OUT_OF_SYNC
        && SyncStatus.of(declaration.previousStatus()) == SyncStatus.SYNCED
        && !declaration.revisionChanged();
  }

  /**
   * A write by someone outside Argo CD to an owned object opens a drift, whatever Argo CD says,
   * unless a drift is open or the write is older than the latest correction.
   *
   * @param latest the resource's latest drift, open or corrected (null if none)
   */
  static boolean writeOpensDrift(Drift latest, boolean owned, Instant writtenAt) {
    return owned && (latest == null || (!latest.isOpen() && latest.isAfterCorrection(writtenAt)));
  }

  /**
   * An outside write explains a verdict that came first and named nobody: the write is what it was
   * about, whatever order the two arrived in.
   */
  static boolean writeExplains(Drift latest, Instant writtenAt) {
    return latest != null && latest.explains(writtenAt) && latest.actorUnknown();
  }

  /** A deletion explains an OutOfSync verdict that came first: the verdict was about it. */
  static boolean deletionExplains(Drift latest, Instant deletedAt) {
    return latest != null
        && latest.explains(deletedAt)
        && latest.evidence() == DriftEvidence.OUT_OF_SYNC;
  }

  /** The report that may end a drift: the object is Synced again. */
  static boolean isBackInSync(ObserveDeclaration declaration) {
    return SyncStatus.of(declaration.status()) == SyncStatus.SYNCED;
  }

  /**
   * Only the owner's verdict counts; without an owner, only the verdict of the one Application that
   * declares the object (two declaring it is a conflict, not a drift).
   */
  static boolean isOwnersVerdict(String owner, Set<String> declaredBy, String reporter) {
    return owner != null ? owner.equals(reporter) : declaredBy.size() == 1;
  }

  /**
   * The newest outside write at or before {@code verdictAt} and after the previous drift was
   * corrected: the likeliest cause of the verdict.
   *
   * @param previous the resource's latest drift, corrected (null if none)
   */
  static Optional<LiveWrite> lastOutsideWrite(
      Collection<LiveWrite> writes, Instant verdictAt, Drift previous, JournalPolicy policy) {
    return writes.stream()
        .filter(w -> policy.isOutsideWrite(w.manager()))
        .filter(w -> !w.at().isAfter(verdictAt))
        .filter(w -> previous == null || previous.isAfterCorrection(w.at()))
        .reduce((first, second) -> second);
  }

  /**
   * What an OutOfSync verdict at {@code at} was about: a deletion if the object was gone then (and
   * not yet back), since the deletion; otherwise the verdict itself, named after {@code
   * lastOutsideWrite} when there is one.
   */
  static Cause causeOfVerdict(
      Instant at, Instant deletedAt, Instant recreatedAt, Optional<LiveWrite> lastOutsideWrite) {
    boolean goneAtVerdict =
        deletedAt != null
            && !deletedAt.isAfter(at)
            && (recreatedAt == null || recreatedAt.isBefore(deletedAt) || recreatedAt.isAfter(at));
    if (goneAtVerdict) {
      return new Cause(DriftEvidence.DELETION, DriftDetected.UNKNOWN_ACTOR, List.of(), deletedAt);
    }
    return lastOutsideWrite
        .map(w -> new Cause(DriftEvidence.OUT_OF_SYNC, w.manager(), w.fields(), w.at()))
        .orElseGet(
            () -> new Cause(DriftEvidence.OUT_OF_SYNC, DriftDetected.UNKNOWN_ACTOR, List.of(), at));
  }

  /**
   * How {@code drift} ended when its object was reported Synced again: a new revision supersedes
   * it; a sync since it began corrected it (automated: self-heal, else a person's sync); with
   * neither, someone reverted the change by hand.
   */
  static End correction(Drift drift, ObserveDeclaration backInSync) {
    LastSync sync = backInSync.lastSync();
    boolean syncedSinceDrift = sync != null && syncCorrects(sync, drift.startedAt());
    boolean newRevision =
        backInSync.revisionChanged()
            || (!drift.revision().isEmpty() && !drift.revision().equals(backInSync.revision()));
    if (newRevision) {
      return new End(Correction.NEW_REVISION, syncedSinceDrift ? sync.initiatedBy() : "");
    }
    if (syncedSinceDrift) {
      return new End(
          sync.automated() ? Correction.SELF_HEAL : Correction.MANUAL_SYNC, sync.initiatedBy());
    }
    return new End(Correction.REVERTED, "");
  }

  /**
   * Whether {@code sync} can be what put back an object that drifted at {@code driftStartedAt}: one
   * that finished since, or one still Running. Argo CD's own watch refreshes the Application on the
   * sync's first write, so an object is often reported Synced again before the operation's final
   * patch (phase Succeeded, {@code finishedAt}) is written: the running sync is the correction.
   */
  static boolean syncCorrects(LastSync sync, Instant driftStartedAt) {
    if (sync.finishedAt() == null) {
      return OperationPhase.of(sync.phase()) == OperationPhase.RUNNING;
    }
    return !sync.finishedAt().isBefore(driftStartedAt);
  }
}
