package dev.opsjournal.core.observation;

/**
 * Whether live state matches Git ({@code status.sync.status} of an Application and of each of its
 * resources, gitops-engine's {@code SyncStatusCode}). Stored events and observations keep the
 * status as Argo CD wrote it; this names what it means.
 */
public enum SyncStatus implements ArgoCode {
  /** Live state equals the desired state at the synced revision. */
  SYNCED("Synced"),
  /** Live state differs from the desired state (or the object is missing or extra). */
  OUT_OF_SYNC("OutOfSync"),
  /** Argo CD could not compare, or wrote a status this version of ops-journal does not know. */
  UNKNOWN("Unknown");

  private final String argoName;

  SyncStatus(String argoName) {
    this.argoName = argoName;
  }

  /** The status Argo CD wrote, {@link #UNKNOWN} for anything else (including empty and null). */
  public static SyncStatus of(String status) {
    return ArgoCode.read(values(), status, UNKNOWN);
  }

  @Override
  public String argoName() {
    return argoName;
  }
}
