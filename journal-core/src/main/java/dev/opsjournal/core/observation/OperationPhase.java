package dev.opsjournal.core.observation;

/**
 * The phase of an Argo CD operation ({@code status.operationState.phase}, gitops-engine's {@code
 * OperationPhase}). Stored events keep the phase as Argo CD wrote it; this names what it means.
 */
public enum OperationPhase implements ArgoCode {
  /** The operation is under way. */
  RUNNING("Running"),
  /** The operation is being stopped (a user terminated it). */
  TERMINATING("Terminating"),
  /** Every resource was applied and every hook passed. */
  SUCCEEDED("Succeeded"),
  /** A resource or a hook failed: the sync ran and did not succeed. */
  FAILED("Failed"),
  /** The operation could not run (for example, the manifests could not be generated). */
  ERROR("Error"),
  /** A phase this version of ops-journal does not know. */
  UNKNOWN("");

  private final String argoName;

  OperationPhase(String argoName) {
    this.argoName = argoName;
  }

  /** The phase Argo CD wrote, {@link #UNKNOWN} for anything else (including null). */
  public static OperationPhase of(String phase) {
    return ArgoCode.read(values(), phase, UNKNOWN);
  }

  @Override
  public String argoName() {
    return argoName;
  }

  /** Whether the operation has ended, one way or the other. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }

  /** Whether the operation ended without succeeding. */
  public boolean failed() {
    return this == FAILED || this == ERROR;
  }
}
