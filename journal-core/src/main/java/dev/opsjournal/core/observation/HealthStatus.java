package dev.opsjournal.core.observation;

/**
 * How healthy an Application or one of its resources is ({@code status.health.status},
 * gitops-engine's {@code HealthStatusCode}). Stored events and observations keep the status as Argo
 * CD wrote it; this names what it means.
 */
public enum HealthStatus implements ArgoCode {
  /** Entirely healthy. */
  HEALTHY("Healthy"),
  /** Not healthy yet, but still able to become so (a rollout under way). */
  PROGRESSING("Progressing"),
  /** Failed, or did not become healthy within its timeout. */
  DEGRADED("Degraded"),
  /** Paused or suspended on purpose, such as a suspended CronJob. */
  SUSPENDED("Suspended"),
  /** Declared in Git but absent from the cluster. */
  MISSING("Missing"),
  /** The health check failed, or a status this version of ops-journal does not know. */
  UNKNOWN("Unknown");

  private final String argoName;

  HealthStatus(String argoName) {
    this.argoName = argoName;
  }

  /** The status Argo CD wrote, {@link #UNKNOWN} for anything else (including empty and null). */
  public static HealthStatus of(String status) {
    return ArgoCode.read(values(), status, UNKNOWN);
  }

  @Override
  public String argoName() {
    return argoName;
  }
}
