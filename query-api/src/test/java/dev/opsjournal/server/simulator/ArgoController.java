package dev.opsjournal.server.simulator;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.simulator.ApplicationDocument.Operation;
import dev.opsjournal.server.simulator.ApplicationDocument.OperationState;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Argo CD's application controller, as {@code controller/appcontroller.go} behaves: refreshes
 * (periodic: 120 s + up to 60 s of jitter; on a watched change to a managed object, batched by 100
 * ms; after an operation), comparison, and auto-sync with self-heal and its backoff. Operations are
 * run by {@link Operations}. Every Application write is followed by {@code written}.
 */
public final class ArgoController {

  /** Comparison levels of {@code appcontroller.go}: only level ≥ LATEST moves reconciledAt. */
  enum Level {
    RECENT,
    LATEST,
    FORCE
  }

  static final Duration RESYNC = Duration.ofSeconds(120);
  static final Duration JITTER = Duration.ofSeconds(60);
  static final Duration WATCH_BATCH = Duration.ofMillis(100);

  private final Estate estate;
  private final Timeline timeline;
  private final LiveObjects live;
  private final GroundTruth truth;
  private final Random random;
  private final KubernetesClient client;
  private final Consumer<ResourceKey> written;
  private final Operations operations;
  private final RepoErrors repoErrors;
  private final Map<String, ApplicationDocument> docs = new LinkedHashMap<>();
  private final Map<String, Level> pendingRefresh = new LinkedHashMap<>();
  private final Map<String, Integer> periodicTicket = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> lastWritten = new LinkedHashMap<>();

  /** Whether the controller is down (see {@link ControllerOutage}). */
  private boolean down;

  /** Told the instant of the first reconcile after a restart, then dropped. */
  private Consumer<Instant> firstAfterRestart;

  ArgoController(
      Estate estate,
      Timeline timeline,
      LiveObjects live,
      GroundTruth truth,
      long seed,
      KubernetesClient client,
      Consumer<ResourceKey> written) {
    this.estate = estate;
    this.timeline = timeline;
    this.live = live;
    this.truth = truth;
    this.random = new Random(seed);
    this.client = client;
    this.written = written;
    this.operations = new Operations(this, live, truth, timeline, random);
    this.repoErrors = new RepoErrors(estate.repoUrl());
    estate.apps().forEach(a -> docs.put(a.name(), new ApplicationDocument(estate, a)));
  }

  /** Each Application is created (by someone, through the API) and then reconciled. */
  void start() {
    for (ApplicationDocument doc : docs.values()) {
      write(doc);
      requestRefresh(doc.app.name(), Level.LATEST, jitter(200, 300));
    }
  }

  /** Whether the repo-server can read Git, and what Argo CD showed of it. */
  RepoErrors repoErrors() {
    return repoErrors;
  }

  ApplicationDocument document(String app) {
    return docs.get(app);
  }

  Collection<ApplicationDocument> documents() {
    return docs.values();
  }

  /**
   * The cluster cache saw a managed object change (either the app named in the old or in the new
   * tracking-id is refreshed); refreshes are batched, and at level RECENT.
   */
  void watched(List<String> apps) {
    apps.forEach(a -> requestRefresh(a, Level.RECENT, WATCH_BATCH.plus(jitter(0, 50))));
  }

  /** The controller stops: nothing is reconciled until {@link #restart}. */
  void stop() {
    down = true;
  }

  /**
   * The controller starts again and refreshes every Application at level LATEST, as a new
   * controller's first pass does; {@code firstReconcile} is told the instant of its first.
   */
  void restart(Consumer<Instant> firstReconcile) {
    down = false;
    firstAfterRestart = firstReconcile;
    docs.keySet().forEach(app -> requestRefresh(app, Level.LATEST, jitter(300, 900)));
  }

  /**
   * A person's {@code argocd app sync}: argocd-server sets a full operation for the user; false
   * when it refused.
   */
  boolean userSync(String app, String username) {
    ApplicationDocument doc = docs.get(app);
    if (doc.operation != null) {
      return false; // argocd-server refuses: another operation is already in progress
    }
    setOperation(doc, new Operation(username, estate.revision(), List.of(), 0));
    operations.run(doc, jitter(15, 40));
    return true;
  }

  /** A non-cascading delete of the Application: it goes, and is reconciled no more. */
  void delete(String app) {
    ApplicationDocument doc = docs.remove(app);
    lastWritten.remove(app);
    client
        .genericKubernetesResources(LiveObjects.context(applicationKey(doc.app)))
        .inNamespace(Estate.ARGOCD_NAMESPACE)
        .withName(app)
        .delete();
    written.accept(applicationKey(doc.app));
  }

  /** Argo CD's {@code requestAppRefresh}: one pending refresh per app, at the highest level. */
  void requestRefresh(String app, Level level, Duration delay) {
    Level pending = pendingRefresh.get(app);
    if (pending != null) {
      if (level.compareTo(pending) > 0) {
        pendingRefresh.put(app, level);
      }
      return;
    }
    pendingRefresh.put(app, level);
    timeline.after(delay, () -> reconcile(app, pendingRefresh.remove(app)));
  }

  private void schedulePeriodic(String app) {
    int ticket = periodicTicket.merge(app, 1, Integer::sum);
    Duration next = RESYNC.plusMillis(random.nextInt((int) JITTER.toMillis()));
    timeline.after(
        next,
        () -> {
          if (periodicTicket.get(app) == ticket) {
            requestRefresh(app, Level.LATEST, Duration.ZERO);
          }
        });
  }

  /** {@code processAppRefreshQueueItem}: compare, persist the status, maybe auto-sync. */
  private void reconcile(String app, Level level) {
    if (down) {
      return; // its refresh queue died with it; the restart refreshes every Application
    }
    ApplicationDocument doc = docs.get(app);
    if (doc == null) {
      return; // deleted
    }
    Instant now = timeline.now();
    if (firstAfterRestart != null) {
      firstAfterRestart.accept(now);
      firstAfterRestart = null;
    }
    RepoErrors.Comparison git = repoErrors.compare(app, level == Level.FORCE, now);
    if (git != RepoErrors.Comparison.OK) {
      repoError(doc, git, now);
      return;
    }
    Map<Manifest, String> resources = new LinkedHashMap<>();
    for (Manifest m : doc.app.manifests()) {
      LiveObjects.Live object = live.get(live.keyOf(doc.app, m));
      resources.put(m, object != null && object.matches(doc.app, m) ? "Synced" : "OutOfSync");
    }
    String status = resources.containsValue("OutOfSync") ? "OutOfSync" : "Synced";
    boolean movesReconciledAt = doc.reconciledAt == null || level != Level.RECENT;
    Operation auto = doc.operation == null ? autoSync(doc, status, resources, now) : null;
    if (auto == null) {
      persist(doc, status, resources, movesReconciledAt, now);
      return;
    }
    // autoSync's PUT of the operation comes a few milliseconds before the status patch
    setOperation(doc, auto);
    timeline.after(
        jitter(2, 8),
        () -> {
          persist(doc, status, resources, movesReconciledAt, now);
          operations.run(doc, jitter(15, 40));
        });
  }

  /**
   * Git unreadable ({@link RepoErrors}): within the grace period the reconcile ends without a write
   * (reconciledAt frozen, so the next resync tick compares again); after it, the ComparisonError
   * with sync status and every resource Unknown. Auto-sync is skipped (the status is not
   * OutOfSync).
   */
  private void repoError(ApplicationDocument doc, RepoErrors.Comparison git, Instant now) {
    String app = doc.app.name();
    schedulePeriodic(app);
    if (git == RepoErrors.Comparison.SWALLOWED) {
      return;
    }
    Map<Manifest, String> unknown = new LinkedHashMap<>();
    doc.app.manifests().forEach(m -> unknown.put(m, "Unknown"));
    doc.syncStatus = "Unknown";
    doc.resources = unknown;
    doc.conditions = List.of(repoErrors.condition(doc.conditions, now));
    doc.reconciledAt = now;
    write(doc);
    repoErrors.shown(app, timeline.now());
  }

  /**
   * {@code persistAppStatus}: the result of the comparison begun at {@code now}, patched onto the
   * Application; reconciledAt is that beginning.
   */
  private void persist(
      ApplicationDocument doc,
      String status,
      Map<Manifest, String> resources,
      boolean movesReconciledAt,
      Instant now) {
    String app = doc.app.name();
    doc.syncStatus = status;
    doc.revision = estate.revision();
    doc.resources = resources;
    doc.conditions = sharedResourceWarnings(doc, now);
    if (movesReconciledAt) {
      doc.reconciledAt = now;
      schedulePeriodic(app);
    }
    write(doc);
    repoErrors.cleared(app, timeline.now());
    resources.forEach(
        (m, s) -> {
          String key = live.keyOf(doc.app, m).toString();
          if (s.equals("Synced")) {
            truth.reportedSynced(key, timeline.now());
          }
        });
  }

  /**
   * {@code CompareAppState}: one SharedResourceWarning per live object whose tracking-id names
   * another Application (on this one, the loser right now); an unchanged message keeps its time.
   */
  private List<ApplicationDocument.Condition> sharedResourceWarnings(
      ApplicationDocument doc, Instant now) {
    List<ApplicationDocument.Condition> raised = new ArrayList<>();
    for (Manifest m : doc.app.manifests()) {
      LiveObjects.Live object = live.get(live.keyOf(doc.app, m));
      String holder = object == null ? "" : Operations.owner(object.trackingId);
      if (holder.isEmpty() || holder.equals(doc.app.name())) {
        continue;
      }
      String message =
          m.kind()
              + "/"
              + m.name()
              + " is part of applications "
              + Estate.ARGOCD_NAMESPACE
              + "/"
              + doc.app.name()
              + " and "
              + holder;
      Instant since =
          doc.conditions.stream()
              .filter(c -> c.message().equals(message))
              .map(ApplicationDocument.Condition::lastTransitionTime)
              .findFirst()
              .orElse(now);
      raised.add(new ApplicationDocument.Condition("SharedResourceWarning", message, since));
    }
    return raised;
  }

  /**
   * {@code autoSync}: a full sync to a revision not yet attempted; at the attempted revision, a
   * partial self-heal of the objects not Synced once the backoff from the last operation's
   * (whole-second) {@code finishedAt} has passed; else nothing.
   */
  private Operation autoSync(
      ApplicationDocument doc, String status, Map<Manifest, String> resources, Instant now) {
    if (!status.equals("OutOfSync")) {
      return null;
    }
    OperationState last = doc.operationState;
    boolean attempted =
        last != null
            && last.finishedAt() != null
            && last.operation().revision().equals(estate.revision());
    if (!attempted) {
      return new Operation(null, estate.revision(), List.of(), 0);
    }
    if (!last.phase().equals("Succeeded") || !doc.app.selfHeal()) {
      return null;
    }
    int count = last.operation().autoHeals();
    Duration remaining =
        selfHealBackoff(count).minus(Duration.between(Timeline.metav1(last.finishedAt()), now));
    if (!remaining.isNegative() && !remaining.isZero()) {
      requestRefresh(doc.app.name(), Level.LATEST, remaining);
      return null;
    }
    List<Manifest> outOfSync = new ArrayList<>();
    resources.forEach(
        (m, s) -> {
          if (!s.equals("Synced")) {
            outOfSync.add(m);
          }
        });
    return new Operation(null, estate.revision(), outOfSync, count + 1);
  }

  /**
   * {@code selfHealRemainingBackoff}: 2 s × 3^(n−1) after the n-th attempt, capped at 300 s;
   * nothing before the first.
   */
  static Duration selfHealBackoff(int attempts) {
    if (attempts == 0) {
      return Duration.ZERO;
    }
    long seconds = 2;
    for (int i = 1; i < attempts && seconds < 300; i++) {
      seconds *= 3;
    }
    return Duration.ofSeconds(Math.min(seconds, 300));
  }

  /** {@code SetAppOperation}: a PUT that sets {@code operation} and drops the last state. */
  private void setOperation(ApplicationDocument doc, Operation op) {
    doc.operation = op;
    doc.operationState = null;
    write(doc);
  }

  GroundTruth.Sync lastSync(ApplicationDocument doc) {
    OperationState s = doc.operationState;
    if (s == null || s.finishedAt() == null) {
      return null;
    }
    Operation op = s.operation();
    return new GroundTruth.Sync(
        doc.app.name(),
        op.revision(),
        op.initiatedBy(),
        op.automated(),
        op.partial(),
        s.startedAt(),
        s.finishedAt());
  }

  /** Persists the Application when it changed; an unchanged status is not written. */
  void write(ApplicationDocument doc) {
    GenericKubernetesResource object = doc.toObject();
    Map<String, Object> body = new LinkedHashMap<>(object.getAdditionalProperties());
    if (Objects.equals(lastWritten.get(doc.app.name()), body)) {
      return;
    }
    lastWritten.put(doc.app.name(), body);
    client
        .genericKubernetesResources(LiveObjects.context(applicationKey(doc.app)))
        .inNamespace(Estate.ARGOCD_NAMESPACE)
        .resource(object)
        .createOr(existing -> existing.update());
    written.accept(applicationKey(doc.app));
  }

  ResourceKey applicationKey(App app) {
    return ResourceKey.application(estate.cluster(), Estate.ARGOCD_NAMESPACE, app.name());
  }

  Duration jitter(int fromMillis, int toMillis) {
    return Duration.ofMillis(fromMillis + random.nextInt(toMillis - fromMillis));
  }
}
