package dev.opsjournal.server.simulator;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import dev.opsjournal.server.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulator's face to a test: an estate on an API server, Argo CD's controller acting on it,
 * people acting on it at given instants, virtual time run forward, and the ground truth recorded.
 * The same estate, seed and script give the same writes at the same instants.
 */
public final class Simulation {

  private final Estate estate;
  private final Timeline timeline;
  private final LiveObjects live;
  private final ArgoController controller;
  private final GroundTruth truth = new GroundTruth();
  private final ArgoEvents events;

  /**
   * @param written told after each write to the API server (the clock then reads its instant), so
   *     that a test can wait until the collectors observed it before time moves on
   */
  Simulation(
      KubernetesClient client,
      MutableClock clock,
      Estate estate,
      Instant start,
      long seed,
      Consumer<ResourceKey> written) {
    this.estate = estate;
    this.timeline = new Timeline(clock, start);
    this.live = new LiveObjects(client, estate.cluster(), written);
    this.controller = new ArgoController(estate, timeline, live, truth, seed, client, written);
    this.events = new ArgoEvents(client, estate, written);
    controller.start();
  }

  /**
   * Who created {@code app}: every Application is created at the start, and argocd-server writes
   * its Event then ({@link ArgoEvents}). Call before running.
   */
  public void userCreatedApplication(String app, String username) {
    events.userCreatesApplication(app, username, timeline.now());
  }

  /**
   * A user's {@code argocd app delete --cascade=false} at {@code at}: the Application goes, its
   * objects stay, and argocd-server writes the Event.
   */
  public void userDeletesApplication(Instant at, String app, String username) {
    timeline.at(
        at,
        () -> {
          controller.delete(app);
          events.userDeletesApplication(app, username, timeline.now());
        });
  }

  /** People's acts on Applications, as argocd-server's Events recorded them. */
  public List<ArgoEvents.Act> acts() {
    return events.acts();
  }

  /**
   * A person sets a Deployment's replicas by hand at {@code at}: {@code kubectl-edit}, {@code
   * kubectl} (scale), {@code kubectl-client-side-apply} as the field manager.
   */
  public void personSetsReplicas(
      Instant at, String app, String deployment, int replicas, String manager) {
    timeline.at(
        at,
        () -> {
          App owner = estate.app(app);
          Manifest m =
              owner.manifests().stream()
                  .filter(x -> x.kind().equals("Deployment") && x.name().equals(deployment))
                  .findFirst()
                  .orElseThrow();
          ResourceKey key = live.keyOf(owner, m);
          live.setReplicas(key, replicas, manager, timeline.now());
          if (!truth.isDrifted(key.toString()) && replicas != m.replicas()) {
            truth.drifted(app, key.toString(), manager, timeline.now());
          }
          controller.watched(List.of(app));
        });
  }

  /** A user's {@code argocd app sync} at {@code at}, through argocd-server. */
  public void userSyncs(Instant at, String app, String username) {
    timeline.at(
        at,
        () -> {
          if (controller.userSync(app, username)) {
            events.userSyncs(app, username, timeline.now());
          }
        });
  }

  /**
   * Argo CD's application controller is down from {@code from} and starts again at {@code to}; see
   * {@link ControllerOutage}.
   */
  public void controllerDown(Instant from, Instant to) {
    ControllerOutage.schedule(timeline, controller, controller.documents(), truth, from, to);
  }

  /** Runs {@code action} at {@code from} and every {@code step} after it, before {@code until}. */
  public void every(Instant from, Duration step, Instant until, Runnable action) {
    for (Instant at = from; at.isBefore(until); at = at.plus(step)) {
      timeline.at(at, action);
    }
  }

  /**
   * Git unreadable for Argo CD's repo-server from {@code from} to {@code to}, failing with {@code
   * failureMessage} (what {@code failed to list refs:} wraps, e.g. {@link
   * RepoErrors#connectionRefused}). Applications show it after Argo CD's grace period, and clear it
   * at their first reconcile after {@code to} ({@link RepoErrors}).
   */
  public void gitDown(Instant from, Instant to, String failureMessage) {
    timeline.at(from, () -> controller.repoErrors().down(failureMessage));
    timeline.at(to, () -> controller.repoErrors().up());
  }

  /** Git outages as Argo CD showed them, per repository URL: the journal's answer. */
  public List<RepoErrors.Outage> gitOutagesSeenByArgoCd() {
    return controller.repoErrors().outages();
  }

  /** Runs everything that happens before {@code end}. */
  public void runUntil(Instant end) {
    timeline.runUntil(end);
  }

  public GroundTruth truth() {
    return truth;
  }

  public Estate estate() {
    return estate;
  }

  /** The key of an object, as the journal names it. */
  public ResourceKey keyOf(String app, Manifest m) {
    return live.keyOf(estate.app(app), m);
  }
}
