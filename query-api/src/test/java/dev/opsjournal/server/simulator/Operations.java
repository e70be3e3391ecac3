package dev.opsjournal.server.simulator;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.simulator.ApplicationDocument.Operation;
import dev.opsjournal.server.simulator.ApplicationDocument.OperationState;
import dev.opsjournal.server.simulator.Estate.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The operation worker ({@code processRequestedAppOperation}, {@code SyncAppState}, gitops-engine's
 * single-wave sync): {@code operationState} Running, then the applies by {@code argocd-controller}
 * a few milliseconds apart, then (full syncs only) {@code history}, then Succeeded with {@code
 * finishedAt} and {@code operation} cleared, then a refresh.
 */
final class Operations {

  private final ArgoController controller;
  private final LiveObjects live;
  private final GroundTruth truth;
  private final Timeline timeline;
  private final Random random;

  Operations(
      ArgoController controller,
      LiveObjects live,
      GroundTruth truth,
      Timeline timeline,
      Random random) {
    this.controller = controller;
    this.live = live;
    this.truth = truth;
    this.timeline = timeline;
    this.random = random;
  }

  /** Picks up the document's requested operation after {@code delay}. */
  void run(ApplicationDocument doc, Duration delay) {
    timeline.after(delay, () -> begin(doc));
  }

  private void begin(ApplicationDocument doc) {
    Operation op = doc.operation;
    Instant startedAt = timeline.now();
    doc.operationState = new OperationState(op, "Running", "", startedAt, null, List.of());
    controller.write(doc);
    List<Manifest> scope = op.partial() ? op.resources() : doc.app.manifests();
    applyNext(doc, op, startedAt, scope, 0, new ArrayList<>());
  }

  private void applyNext(
      ApplicationDocument doc,
      Operation op,
      Instant startedAt,
      List<Manifest> scope,
      int next,
      List<Manifest> applied) {
    if (next == scope.size()) {
      timeline.after(step(), () -> finish(doc, op, startedAt, applied));
      return;
    }
    timeline.after(
        step(),
        () -> {
          Manifest m = scope.get(next);
          ResourceKey key = live.keyOf(doc.app, m);
          LiveObjects.Live before = live.get(key);
          String from = before == null ? "" : owner(before.trackingId);
          if (live.apply(doc.app, m, timeline.now())) {
            truth.wroteBack(key.toString(), op);
            if (!from.equals(doc.app.name())) {
              truth.tracked(
                  new GroundTruth.TrackingChange(
                      key.toString(), from, doc.app.name(), kind(op), timeline.now()));
            }
            Set<String> refreshed = new LinkedHashSet<>(List.of(doc.app.name()));
            if (!from.isEmpty()) {
              refreshed.add(from);
            }
            controller.watched(List.copyOf(refreshed));
          }
          applied.add(m);
          applyNext(doc, op, startedAt, scope, next + 1, applied);
        });
  }

  private void finish(
      ApplicationDocument doc, Operation op, Instant startedAt, List<Manifest> applied) {
    if (!op.partial()) {
      // persistRevisionHistory: full syncs only, before the final operationState patch
      doc.addHistory(op, timeline.now(), startedAt);
      controller.write(doc);
      timeline.after(step(), () -> succeed(doc, op, startedAt, applied));
    } else {
      succeed(doc, op, startedAt, applied);
    }
  }

  private void succeed(
      ApplicationDocument doc, Operation op, Instant startedAt, List<Manifest> applied) {
    Instant finishedAt = timeline.now();
    doc.operationState =
        new OperationState(
            op,
            "Succeeded",
            "successfully synced (all tasks run)",
            startedAt,
            finishedAt,
            List.copyOf(applied));
    doc.operation = null;
    controller.write(doc);
    truth.synced(controller.lastSync(doc));
    controller.requestRefresh(
        doc.app.name(),
        op.automated() ? ArgoController.Level.LATEST : ArgoController.Level.FORCE,
        step());
  }

  private static String kind(Operation op) {
    return GroundTruth.Sync.kind(op.automated(), op.partial());
  }

  /** The milliseconds between two writes of one operation worker. */
  private Duration step() {
    return Duration.ofMillis(10 + random.nextInt(40));
  }

  static String owner(String trackingId) {
    int colon = trackingId.indexOf(':');
    return colon < 0 ? "" : trackingId.substring(0, colon);
  }
}
