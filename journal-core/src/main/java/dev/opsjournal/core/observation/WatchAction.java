package dev.opsjournal.core.observation;

/** What the Kubernetes watch said about an object (the {@code type} of a watch event). */
public enum WatchAction {
  /** The object was created, or first seen by a (re)listing collector. */
  ADDED,
  /** The object was updated. */
  MODIFIED,
  /** The object was deleted; its last known state is attached, its final state is unknown. */
  DELETED
}
