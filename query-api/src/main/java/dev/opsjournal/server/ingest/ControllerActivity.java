package dev.opsjournal.server.ingest;

import dev.opsjournal.core.cluster.ControlPlane;
import dev.opsjournal.core.cluster.ObserveControllerActivity;
import dev.opsjournal.core.observation.ApplicationObserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Application observations the cluster's control plane must hear of: those showing Argo CD's
 * controller acting after an outage's start, while one is open. Every Application observation
 * telling it would lock the one {@code ControlPlane} aggregate of a cluster for all of them; this
 * keeps, per cluster, the status the control plane last answered, and asks only while it said an
 * outage is open (or has not said anything yet, after a start). A stale answer costs at most a few
 * needless commands, or delays a recovery to the controller's next act after the next heartbeat's
 * answer: the control plane decides, this only filters.
 */
final class ControllerActivity {

  private final Map<String, ControlPlane.Status> lastAnswer = new ConcurrentHashMap<>();

  /** Remembers what the control plane of {@code cluster} answered to a command. */
  void answered(String cluster, Object reply) {
    if (reply instanceof ControlPlane.Status status) {
      lastAnswer.put(cluster, status);
    }
  }

  /** What the control plane must hear of this observation, or null. */
  ObserveControllerActivity of(ApplicationObserved application) {
    String cluster = application.application().cluster();
    ControlPlane.Status status = lastAnswer.get(cluster);
    if (status != null && !status.outageOpen()) {
      return null;
    }
    List<Instant> acted = new ArrayList<>();
    ApplicationObserved.Status s = application.status();
    add(acted, s.reconciledAt(), status);
    if (s.operationState() != null) {
      add(acted, s.operationState().startedAt(), status);
      add(acted, s.operationState().finishedAt(), status);
    }
    return acted.isEmpty()
        ? null
        : new ObserveControllerActivity(cluster, acted, application.observedAt());
  }

  /** Forgets every answer: after a rolled-back batch they may describe what was not kept. */
  void forget() {
    lastAnswer.clear();
  }

  private static void add(List<Instant> acted, Instant at, ControlPlane.Status status) {
    if (at != null && (status == null || at.isAfter(status.unavailableSince()))) {
      acted.add(at);
    }
  }
}
