package dev.opsjournal.core;

import java.time.Duration;
import java.util.Set;

/**
 * The settings the journal's rules depend on. The server builds it from configuration and hands it
 * to the aggregates' command handlers; tests build it with {@link #defaults()}.
 *
 * @param controlPlaneNamespace the namespace Argo CD runs in: a tracking-id without {@code
 *     <appNs>_} names an Application there
 * @param trackingMethod how Argo CD marks the objects it manages
 * @param instanceLabelKey the label the {@code label} tracking method uses
 * @param syncManagers field managers that write on behalf of a sync: their writes are the desired
 *     state arriving, never drift
 * @param controllerManagers in-cluster controllers whose writes neither drift nor correct
 * @param loopFlips a conflict that flips more than this many times within {@code loopWindow} is a
 *     reconciliation loop
 * @param loopWindow the window over which flips are counted
 * @param controllerGrace how long Applications' reconciledAt may stand still, while collectors are
 *     alive, before the controller counts as unavailable (a multiple of the reconciliation
 *     interval)
 */
public record JournalPolicy(
    String controlPlaneNamespace,
    TrackingMethod trackingMethod,
    String instanceLabelKey,
    Set<String> syncManagers,
    Set<String> controllerManagers,
    int loopFlips,
    Duration loopWindow,
    Duration controllerGrace) {

  public static final String TRACKING_ID = "argocd.argoproj.io/tracking-id";

  public JournalPolicy {
    syncManagers = Set.copyOf(syncManagers);
    controllerManagers = Set.copyOf(controllerManagers);
    if (loopFlips < 1) {
      throw new IllegalArgumentException("loopFlips must be at least 1");
    }
  }

  public static JournalPolicy defaults() {
    return new JournalPolicy(
        "argocd",
        TrackingMethod.ANNOTATION,
        "app.kubernetes.io/instance",
        Set.of("argocd-controller", "argocd", "argocd-application-controller"),
        Set.of("kube-controller-manager", "kube-scheduler", "kubelet"),
        5,
        Duration.ofMinutes(10),
        Duration.ofMinutes(9));
  }

  public boolean isSyncManager(String manager) {
    return syncManagers.contains(manager);
  }

  /** A write by a person or a tool outside Argo CD and the cluster's own controllers. */
  public boolean isOutsideWrite(String manager) {
    return !syncManagers.contains(manager) && !controllerManagers.contains(manager);
  }

  /** How Argo CD marks managed objects ({@code application.resourceTrackingMethod}). */
  public enum TrackingMethod {
    /** The {@code argocd.argoproj.io/tracking-id} annotation (the default since Argo CD 3.0). */
    ANNOTATION,
    /** The instance label alone. */
    LABEL,
    /** Both; the annotation decides. */
    ANNOTATION_AND_LABEL
  }
}
