package dev.opsjournal.core.cluster;

import java.time.Instant;

/**
 * What the control plane concluded after a command: whether an outage is open, and since when. The
 * ingest keeps the latest per cluster, so that it tells the control plane of an Application's
 * activity only while an outage can end.
 *
 * @param unavailableSince the last reconciliation before the open outage, or null when none is
 */
public record ControlPlaneStatus(Instant unavailableSince) {

  public boolean outageOpen() {
    return unavailableSince != null;
  }
}
