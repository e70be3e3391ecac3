package dev.opsjournal.core.resource;

/** What showed the journal that the live state left the desired state. */
public enum DriftEvidence {
  /** A write to the object by a manager outside Argo CD and the cluster's controllers. */
  LIVE_CHANGE,
  /** The owning Application reported the object OutOfSync while its revision stood still. */
  OUT_OF_SYNC,
  /** The object was deleted while its owning Application still declared it. */
  DELETION
}
