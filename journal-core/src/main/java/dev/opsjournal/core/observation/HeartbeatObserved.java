package dev.opsjournal.core.observation;

import java.time.Instant;

/**
 * A collector is alive. Heartbeats carry the journal's clock forward when nothing else happens, so
 * that time-based rules fire, and they carry the collector's own view of the control plane: the
 * newest {@code status.reconciledAt} among the Applications it watches. Keyed by the cluster name.
 *
 * @param latestReconciledAt the newest reconciledAt seen, or null when no Application is watched
 */
public record HeartbeatObserved(
    String cluster, String collector, Instant observedAt, Instant latestReconciledAt)
    implements Observation {

  public HeartbeatObserved {
    Observations.required(cluster, "the cluster name");
    Observations.required(observedAt, "observedAt");
    collector = collector == null ? "" : collector;
  }

  @Override
  public String subject() {
    return cluster;
  }
}
