package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.observation.HeartbeatObserved;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's heartbeat: the cluster, this collector, the current time and the newest {@code
 * status.reconciledAt} among the Applications in the informers' caches, so the journal can tell a
 * quiet cluster from a collector or an Argo CD that stopped.
 */
final class Heartbeats {

  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  private final ObservationSink sink;
  private final String cluster;
  private final String collector;
  private final Clock clock;

  Heartbeats(ObservationSink sink, String cluster, String collector, Clock clock) {
    this.sink = sink;
    this.cluster = cluster;
    this.collector = collector;
    this.clock = clock;
  }

  /**
   * Publishes one heartbeat over what the watches hold; no retry: the next heartbeat supersedes
   * this one.
   *
   * @return whether it was published
   */
  boolean publish(List<Watch> watches) {
    Instant latest = null;
    for (Watch watch : watches) {
      if (!watch.ofApplications()) {
        continue;
      }
      for (GenericKubernetesResource application : watch.cached().toList()) {
        Instant reconciled = reconciledAt(application);
        if (reconciled != null && (latest == null || reconciled.isAfter(latest))) {
          latest = reconciled;
        }
      }
    }
    try {
      sink.publish(new HeartbeatObserved(cluster, collector, Instant.now(clock), latest));
      return true;
    } catch (RuntimeException e) {
      log.warn("could not publish a heartbeat of cluster {}", cluster, e);
      return false;
    }
  }

  private static Instant reconciledAt(GenericKubernetesResource application) {
    try {
      return Node.of(application.getAdditionalProperties(), "").at("status.reconciledAt").time();
    } catch (MalformedObjectException e) {
      return null; // logged when the Application itself was skipped
    }
  }
}
