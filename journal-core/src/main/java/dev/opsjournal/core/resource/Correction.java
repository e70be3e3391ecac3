package dev.opsjournal.core.resource;

/** How a drift ended. */
public enum Correction {
  /** Argo CD's automated sync put it back at the same revision (self-heal, usually partial). */
  SELF_HEAL,
  /** A person synced the Application (initiatedBy username). */
  MANUAL_SYNC,
  /** A new revision was synced over it: the drift was superseded, not reverted. */
  NEW_REVISION,
  /** It came back in sync without a sync operation: someone undid the change by hand. */
  REVERTED
}
