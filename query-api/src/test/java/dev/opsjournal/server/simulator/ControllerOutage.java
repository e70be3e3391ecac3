package dev.opsjournal.server.simulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Argo CD's application controller down from one instant to another (a crash, an eviction): it
 * stops reconciling (its refresh queue and the operations it would start die with it) and then
 * starts again, refreshing every Application as a new controller's first pass does. The truth is
 * the last reconcile before (the newest {@code reconciledAt}) and the first after.
 */
final class ControllerOutage {

  private ControllerOutage() {}

  static void schedule(
      Timeline timeline,
      ArgoController controller,
      Collection<ApplicationDocument> docs,
      GroundTruth truth,
      Instant from,
      Instant to) {
    timeline.at(
        from,
        () -> {
          Instant lastReconciled =
              docs.stream()
                  .map(d -> d.reconciledAt)
                  .filter(Objects::nonNull)
                  .max(Instant::compareTo)
                  .orElseThrow(() -> new IllegalStateException("nothing reconciled yet"));
          controller.stop();
          timeline.at(
              to,
              () ->
                  controller.restart(
                      first ->
                          truth.controllerWasDown(
                              new GroundTruth.ControllerOutage(lastReconciled, from, to, first))));
        });
  }
}
