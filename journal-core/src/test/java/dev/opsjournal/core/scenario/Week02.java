package dev.opsjournal.core.scenario;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The week of {@code shared/scenarios/week-02.md} (2026-W47) as the collectors would have published
 * it: commits, Applications, the Deployment and Service they fight over, collector heartbeats every
 * five minutes (carrying the newest reconciledAt), and the Applications' refreshes every three
 * minutes that change nothing. {@link #observations()} returns them in the order they were
 * observed.
 *
 * <p>The constants are the answers the journal must give for this week.
 */
public final class Week02 {

  public static final String CLUSTER = "local";
  public static final String ARGO_NAMESPACE = "argocd";
  public static final String REPO = "https://git.example.com/platform.git";
  public static final String BRANCH = "main";
  public static final String NAMESPACE = "ops-journal";

  public static final String DEV = "argocd/ops-journal-dev";
  public static final String STAGING = "argocd/ops-journal-staging";
  public static final ResourceKey DEV_APP =
      ResourceKey.application(CLUSTER, ARGO_NAMESPACE, "ops-journal-dev");
  public static final ResourceKey STAGING_APP =
      ResourceKey.application(CLUSTER, ARGO_NAMESPACE, "ops-journal-staging");
  public static final ResourceKey DEPLOYMENT =
      ResourceKey.of(CLUSTER, "apps", "Deployment", NAMESPACE, "ops-journal");
  public static final ResourceKey SERVICE =
      ResourceKey.of(CLUSTER, "", "Service", NAMESPACE, "ops-journal");

  public static final String C1 = sha("c1 alice base and overlays");
  public static final String C2 = sha("c2 bob dev application");
  public static final String C3 = sha("c3 alice staging application");

  public static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");
  public static final Instant WEEK_END = Instant.parse("2026-11-20T17:00:00Z");

  /** Argo CD's self-heal backoff for ops-journal-dev on Wednesday: 2 s, 6 s, 18 s, ... */
  static final List<Integer> DEV_HEAL_DELAYS = List.of(2, 6, 18, 54, 162, 300, 300, 300, 300, 300);

  /**
   * Tracking moves per object on Wednesday: staging's takeover, then dev back and staging again.
   */
  public static final int FLIPS = 1 + 2 * DEV_HEAL_DELAYS.size();

  public static final Instant CONFLICT_START = t("2026-11-18T09:05:03Z");
  public static final Instant CONTROLLER_DOWN = t("2026-11-19T10:00:00Z");
  public static final Instant CONTROLLER_BACK = t("2026-11-19T10:30:00Z");
  public static final Instant GIT_DOWN = t("2026-11-19T15:00:30Z");
  public static final Instant GIT_BACK = t("2026-11-19T15:20:30Z");

  /** When both Applications showed, and cleared, the ComparisonError of Git being down. */
  public static final Instant ARGO_CD_GIT_ERROR = t("2026-11-19T15:01:00Z");

  public static final Instant ARGO_CD_GIT_CLEARED = t("2026-11-19T15:21:00Z");

  private static final Duration HEARTBEAT = Duration.ofMinutes(5);

  /** Refreshes get resourceVersions of their own, ending in this digit. */
  private static final String REFRESH_VERSION_SUFFIX = "9";

  private static final Duration RECONCILE = Duration.ofMinutes(3);
  private static final String IMAGE = "ghcr.io/ops-journal/ops-journal:0.1.0";
  private static final String HOTFIX_IMAGE = "ghcr.io/ops-journal/ops-journal:0.1.0-hotfix";
  private static final String IMAGE_FIELD = "spec.template.spec.containers[name=ops-journal].image";
  private static final String SHARED_WARNING =
      "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
          + " ops-journal-staging";

  private final List<Observation> timeline = new ArrayList<>();
  private final Map<ResourceKey, TreeMap<Instant, ApplicationObserved>> appHistory =
      new TreeMap<>();

  // the live objects as the cluster holds them
  private final Live deployment = new Live(DEPLOYMENT, "d1e6c3a0-0001-4b7e-9c1a-000000000001");
  private final Live service = new Live(SERVICE, "5e1c7a2b-0001-4c3d-8e4f-000000000001");

  private Week02() {}

  /** Every observation of the week, in the order the collectors saw them. */
  public static List<Observation> observations() {
    return new Week02().build();
  }

  /**
   * Whether an observation is routine: a heartbeat, or an Application refresh that only moves
   * reconciledAt. A live collector sends many of these; they change nothing in the journal.
   */
  public static boolean isRoutine(Observation observation) {
    return observation instanceof HeartbeatObserved
        || (observation instanceof ApplicationObserved app
            && app.resourceVersion().endsWith(REFRESH_VERSION_SUFFIX));
  }

  private List<Observation> build() {
    monday();
    tuesday();
    wednesday();
    thursday();
    refreshes();
    heartbeats();
    timeline.sort(Comparator.comparing(Observation::observedAt));
    return List.copyOf(timeline);
  }

  private void monday() {
    commit(
        C1,
        List.of(),
        "alice",
        t("2026-11-16T09:00:00Z"),
        "Add ops-journal base and dev, staging, prod overlays",
        List.of(
            "apps/ops-journal/base/kustomization.yaml",
            "apps/ops-journal/base/deployment.yaml",
            "apps/ops-journal/base/service.yaml",
            "apps/ops-journal/overlays/dev/kustomization.yaml",
            "apps/ops-journal/overlays/staging/kustomization.yaml",
            "apps/ops-journal/overlays/prod/kustomization.yaml"));
    commit(
        C2,
        List.of(C1),
        "bob",
        t("2026-11-16T10:00:00Z"),
        "Deploy ops-journal to dev with Argo CD",
        List.of("platform/gitops/ops-journal-dev-app.yaml"));

    app(DEV_APP, t("2026-11-16T10:05:00Z"), WatchAction.ADDED, status("", "", "", null, null));
    app(
        DEV_APP,
        t("2026-11-16T10:05:01Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Missing", null, declared("OutOfSync", "OutOfSync")));
    Operation firstSync = running(C2, t("2026-11-16T10:05:02Z"), List.of());
    app(
        DEV_APP,
        t("2026-11-16T10:05:02Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Missing", firstSync, declared("OutOfSync", "OutOfSync")));
    Instant created = t("2026-11-16T10:05:03Z");
    service.write(created, WatchAction.ADDED, DEV, "argocd-controller", "Apply", List.of());
    deployment.replicas = 1;
    deployment.image = IMAGE;
    deployment.write(
        created, WatchAction.ADDED, DEV, "argocd-controller", "Apply", deploymentFields());
    app(
        DEV_APP,
        t("2026-11-16T10:05:05Z"),
        WatchAction.MODIFIED,
        status(
            "Synced",
            C2,
            "Progressing",
            succeeded(firstSync, t("2026-11-16T10:05:05Z")),
            declared("Synced", "Synced")));
    app(
        DEV_APP,
        t("2026-11-16T10:06:00Z"),
        WatchAction.MODIFIED,
        status(
            "Synced",
            C2,
            "Healthy",
            succeeded(firstSync, t("2026-11-16T10:05:05Z")),
            declared("Synced", "Synced")));
  }

  private void tuesday() {
    // 11:00 someone scales the Deployment by hand; self-heal puts it back 4 s later
    deployment.replicas = 3;
    deployment.write(
        t("2026-11-17T11:00:00Z"),
        WatchAction.MODIFIED,
        DEV,
        "kubectl",
        "Update",
        List.of("spec.replicas"),
        "scale");
    Operation synced = lastOperation(DEV_APP);
    app(
        DEV_APP,
        t("2026-11-17T11:00:01Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Healthy", synced, declared("OutOfSync", "Synced")));
    Operation heal =
        running(C2, t("2026-11-17T11:00:02Z"), List.of("apps/Deployment/ops-journal/ops-journal"));
    app(
        DEV_APP,
        t("2026-11-17T11:00:02Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Healthy", heal, declared("OutOfSync", "Synced")));
    deployment.replicas = 1;
    deployment.write(
        t("2026-11-17T11:00:04Z"),
        WatchAction.MODIFIED,
        DEV,
        "argocd-controller",
        "Apply",
        deploymentFields());
    app(
        DEV_APP,
        t("2026-11-17T11:00:04Z"),
        WatchAction.MODIFIED,
        status(
            "Synced",
            C2,
            "Healthy",
            succeeded(heal, t("2026-11-17T11:00:04Z")),
            declared("Synced", "Synced")));

    // 14:00 someone deletes the Service; self-heal recreates it 3 s later
    service.write(t("2026-11-17T14:00:00Z"), WatchAction.DELETED, DEV, null, null, List.of());
    synced = lastOperation(DEV_APP);
    app(
        DEV_APP,
        t("2026-11-17T14:00:01Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Missing", synced, declared("Synced", "OutOfSync")));
    Operation recreate =
        running(C2, t("2026-11-17T14:00:02Z"), List.of("/Service/ops-journal/ops-journal"));
    app(
        DEV_APP,
        t("2026-11-17T14:00:02Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C2, "Missing", recreate, declared("Synced", "OutOfSync")));
    service.uid = "5e1c7a2b-0002-4c3d-8e4f-000000000002";
    service.write(
        t("2026-11-17T14:00:03Z"), WatchAction.ADDED, DEV, "argocd-controller", "Apply", List.of());
    app(
        DEV_APP,
        t("2026-11-17T14:00:03Z"),
        WatchAction.MODIFIED,
        status(
            "Synced",
            C2,
            "Healthy",
            succeeded(recreate, t("2026-11-17T14:00:03Z")),
            declared("Synced", "Synced")));
  }

  private void wednesday() {
    commit(
        C3,
        List.of(C2),
        "alice",
        t("2026-11-18T09:00:00Z"),
        "Deploy ops-journal to staging with Argo CD",
        List.of("platform/gitops/ops-journal-staging-app.yaml"));
    // dev compares against the new HEAD: nothing of its own changed, it stays Synced
    app(
        DEV_APP,
        t("2026-11-18T09:00:40Z"),
        WatchAction.MODIFIED,
        status("Synced", C3, "Healthy", lastOperation(DEV_APP), declared("Synced", "Synced")));

    List<Condition> warning = List.of(sharedWarning(t("2026-11-18T09:05:01Z")));
    app(STAGING_APP, t("2026-11-18T09:05:00Z"), WatchAction.ADDED, status("", "", "", null, null));
    app(
        STAGING_APP,
        t("2026-11-18T09:05:01Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C3, "Progressing", null, declared("OutOfSync", "OutOfSync"), warning));
    Operation stagingSync = running(C3, t("2026-11-18T09:05:02Z"), List.of());
    app(
        STAGING_APP,
        t("2026-11-18T09:05:02Z"),
        WatchAction.MODIFIED,
        status(
            "OutOfSync",
            C3,
            "Progressing",
            stagingSync,
            declared("OutOfSync", "OutOfSync"),
            warning));
    Instant takeover = CONFLICT_START;
    deployment.replicas = 2;
    deployment.write(
        takeover, WatchAction.MODIFIED, STAGING, "argocd-controller", "Apply", deploymentFields());
    service.write(takeover, WatchAction.MODIFIED, STAGING, "argocd-controller", "Apply", List.of());
    Instant stagingDone = t("2026-11-18T09:05:04Z");
    app(
        STAGING_APP,
        stagingDone,
        WatchAction.MODIFIED,
        status(
            "Synced",
            C3,
            "Healthy",
            succeeded(stagingSync, stagingDone),
            declared("Synced", "Synced"),
            warning));
    app(
        DEV_APP,
        stagingDone,
        WatchAction.MODIFIED,
        status(
            "OutOfSync",
            C3,
            "Healthy",
            lastOperation(DEV_APP),
            declared("OutOfSync", "OutOfSync"),
            warning));

    // the fight: dev self-heals with backoff, staging takes the objects back each time
    Instant at = stagingDone;
    for (int delay : DEV_HEAL_DELAYS) {
      at = at.plusSeconds(delay);
      heal(DEV_APP, DEV, 1, at, warning);
      heal(STAGING_APP, STAGING, 2, at.plusSeconds(1), warning);
      app(
          DEV_APP,
          at.plusSeconds(2),
          WatchAction.MODIFIED,
          status(
              "OutOfSync",
              C3,
              "Progressing",
              lastOperation(DEV_APP),
              declared("OutOfSync", "OutOfSync"),
              warning));
    }
  }

  /** One self-heal: a partial automated sync that writes both objects with this app's tracking. */
  private void heal(
      ResourceKey app, String owner, int replicas, Instant at, List<Condition> warning) {
    Operation op =
        running(
            C3,
            at,
            List.of("apps/Deployment/ops-journal/ops-journal", "/Service/ops-journal/ops-journal"));
    deployment.replicas = replicas;
    deployment.write(
        at, WatchAction.MODIFIED, owner, "argocd-controller", "Apply", deploymentFields());
    service.write(at, WatchAction.MODIFIED, owner, "argocd-controller", "Apply", List.of());
    app(
        app,
        at,
        WatchAction.MODIFIED,
        status("Synced", C3, "Healthy", succeeded(op, at), declared("Synced", "Synced"), warning));
  }

  private void thursday() {
    List<Condition> warning = List.of(sharedWarning(t("2026-11-18T09:05:01Z")));
    // 10:00-10:30 the application controller is down: no Application status moves
    deployment.image = HOTFIX_IMAGE;
    deployment.write(
        t("2026-11-19T10:10:00Z"),
        WatchAction.MODIFIED,
        STAGING,
        "kubectl-set",
        "Update",
        List.of(IMAGE_FIELD));
    app(
        STAGING_APP,
        CONTROLLER_BACK,
        WatchAction.MODIFIED,
        status(
            "OutOfSync",
            C3,
            "Healthy",
            lastOperation(STAGING_APP),
            declared("OutOfSync", "Synced"),
            warning));
    Operation heal =
        running(C3, t("2026-11-19T10:30:58Z"), List.of("apps/Deployment/ops-journal/ops-journal"));
    app(
        STAGING_APP,
        t("2026-11-19T10:30:58Z"),
        WatchAction.MODIFIED,
        status("OutOfSync", C3, "Healthy", heal, declared("OutOfSync", "Synced"), warning));
    Instant healed = t("2026-11-19T10:31:00Z");
    deployment.image = IMAGE;
    deployment.write(
        healed, WatchAction.MODIFIED, STAGING, "argocd-controller", "Apply", deploymentFields());
    app(
        STAGING_APP,
        healed,
        WatchAction.MODIFIED,
        status(
            "Synced",
            C3,
            "Healthy",
            succeeded(heal, healed),
            declared("Synced", "Synced"),
            warning));

    // 15:00-15:20 the Git server is unreachable
    timeline.add(
        new SourceUnavailableObserved(
            REPO, BRANCH, GIT_DOWN, "fetch failed: connection refused (git.example.com:443)"));
    Condition comparisonError =
        new Condition(
            "ComparisonError",
            "Failed to load target state: failed to generate manifest for source 1 of 1: rpc"
                + " error: code = Unknown desc = failed to list refs: dial tcp: connect: connection"
                + " refused",
            ARGO_CD_GIT_ERROR);
    for (ResourceKey app : List.of(DEV_APP, STAGING_APP)) {
      ApplicationObserved last = lastSnapshot(app);
      List<Condition> conditions = new ArrayList<>(last.status().conditions());
      conditions.add(comparisonError);
      app(app, ARGO_CD_GIT_ERROR, WatchAction.MODIFIED, withConditions(last, conditions));
    }
    timeline.add(new SourceRecoveredObserved(REPO, BRANCH, GIT_BACK));
    for (ResourceKey app : List.of(DEV_APP, STAGING_APP)) {
      ApplicationObserved last = lastSnapshot(app);
      List<Condition> conditions =
          last.status().conditions().stream()
              .filter(c -> !c.type().equals("ComparisonError"))
              .toList();
      app(app, ARGO_CD_GIT_CLEARED, WatchAction.MODIFIED, withConditions(last, conditions));
    }
  }

  /**
   * Every three minutes (Argo CD's reconciliation interval) the controller refreshes each
   * Application: reconciledAt moves, nothing else does. Not while the controller is down.
   */
  private void refreshes() {
    for (Instant tick = MONDAY; tick.isBefore(WEEK_END); tick = tick.plus(RECONCILE)) {
      if (tick.isAfter(CONTROLLER_DOWN) && tick.isBefore(CONTROLLER_BACK)) {
        continue;
      }
      for (ResourceKey app : appHistory.keySet()) {
        var before = appHistory.get(app).floorEntry(tick);
        if (before == null || before.getKey().equals(tick)) {
          continue;
        }
        ApplicationObserved last = before.getValue();
        Status s = last.status();
        timeline.add(
            new ApplicationObserved(
                app,
                tick,
                WatchAction.MODIFIED,
                last.uid(),
                version(tick, 9),
                last.labels(),
                last.annotations(),
                last.spec(),
                new Status(
                    s.syncStatus(),
                    s.syncRevision(),
                    s.healthStatus(),
                    tick,
                    s.operationState(),
                    s.conditions(),
                    s.resources(),
                    s.history())));
      }
    }
  }

  /**
   * The Kubernetes collector's heartbeat every five minutes, with the newest reconciledAt among the
   * Applications it has seen.
   */
  private void heartbeats() {
    TreeMap<Instant, Instant> reconciled = new TreeMap<>();
    timeline.stream()
        .filter(ApplicationObserved.class::isInstance)
        .map(ApplicationObserved.class::cast)
        .filter(app -> app.status().reconciledAt() != null)
        .forEach(
            app -> reconciled.merge(app.observedAt(), app.status().reconciledAt(), Week02::later));
    Instant latest = null;
    var seen = reconciled.entrySet().iterator();
    var next = seen.hasNext() ? seen.next() : null;
    for (Instant at = MONDAY; !at.isAfter(WEEK_END); at = at.plus(HEARTBEAT)) {
      while (next != null && !next.getKey().isAfter(at)) {
        latest = latest == null ? next.getValue() : later(latest, next.getValue());
        next = seen.hasNext() ? seen.next() : null;
      }
      timeline.add(new HeartbeatObserved(CLUSTER, "kubernetes-collector", at, latest));
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  // --- building blocks ---

  private void commit(
      String sha,
      List<String> parents,
      String author,
      Instant when,
      String message,
      List<String> paths) {
    Person person = new Person(author, author + "@example.com", when);
    timeline.add(
        new CommitObserved(
            REPO,
            BRANCH,
            true,
            when.plusSeconds(30),
            sha,
            parents,
            person,
            person,
            message,
            paths.stream().map(p -> new ChangedPath("ADD", p, "")).toList(),
            Map.of(
                "apps/ops-journal/overlays/dev", List.of("apps/ops-journal/base"),
                "apps/ops-journal/overlays/staging", List.of("apps/ops-journal/base"),
                "apps/ops-journal/overlays/prod", List.of("apps/ops-journal/base"))));
  }

  private void app(ResourceKey app, Instant at, WatchAction action, Status status) {
    boolean dev = app.equals(DEV_APP);
    Spec spec =
        new Spec(
            "default",
            REPO,
            "apps/ops-journal/overlays/" + (dev ? "dev" : "staging"),
            "HEAD",
            "",
            "https://kubernetes.default.svc",
            "",
            NAMESPACE,
            true,
            true,
            true);
    ApplicationObserved observed =
        new ApplicationObserved(
            app,
            at,
            action,
            dev ? "a0a0a0a0-0000-4000-8000-00000000de00" : "a0a0a0a0-0000-4000-8000-0000000057a9",
            version(at, dev ? 1 : 2),
            Map.of(),
            Map.of(),
            spec,
            new Status(
                status.syncStatus(),
                status.syncRevision(),
                status.healthStatus(),
                status.syncStatus().isEmpty() ? null : at,
                status.operationState(),
                status.conditions(),
                status.resources(),
                status.history()));
    appHistory.computeIfAbsent(app, k -> new TreeMap<>()).put(at, observed);
    timeline.add(observed);
  }

  private ApplicationObserved lastSnapshot(ResourceKey app) {
    return appHistory.get(app).lastEntry().getValue();
  }

  private Operation lastOperation(ResourceKey app) {
    return lastSnapshot(app).status().operationState();
  }

  private static Status withConditions(ApplicationObserved last, List<Condition> conditions) {
    Status s = last.status();
    return new Status(
        s.syncStatus(),
        s.syncRevision(),
        s.healthStatus(),
        null,
        s.operationState(),
        conditions,
        s.resources(),
        s.history());
  }

  private static Status status(
      String sync, String revision, String health, Operation op, List<DeclaredResource> resources) {
    return status(sync, revision, health, op, resources, List.of());
  }

  private static Status status(
      String sync,
      String revision,
      String health,
      Operation op,
      List<DeclaredResource> resources,
      List<Condition> conditions) {
    return new Status(sync, revision, health, null, op, conditions, resources, List.of());
  }

  private static List<DeclaredResource> declared(String deploymentStatus, String serviceStatus) {
    return List.of(
        new DeclaredResource(
            "", "v1", "Service", NAMESPACE, "ops-journal", serviceStatus, "", false),
        new DeclaredResource(
            "apps", "v1", "Deployment", NAMESPACE, "ops-journal", deploymentStatus, "", false));
  }

  private static Operation running(String revision, Instant startedAt, List<String> partial) {
    return new Operation(
        "Running", "", revision, new Initiator("", true), partial, startedAt, null, List.of());
  }

  private static Operation succeeded(Operation running, Instant finishedAt) {
    return new Operation(
        "Succeeded",
        "successfully synced (all tasks run)",
        running.revision(),
        running.initiatedBy(),
        running.syncResources(),
        running.startedAt(),
        finishedAt,
        List.of());
  }

  private static Condition sharedWarning(Instant at) {
    return new Condition("SharedResourceWarning", SHARED_WARNING, at);
  }

  private List<String> deploymentFields() {
    return List.of(
        "metadata.annotations[\"argocd.argoproj.io/tracking-id\"]",
        "spec.replicas",
        "spec.selector",
        IMAGE_FIELD);
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static String version(Instant at, int object) {
    return Long.toString(at.toEpochMilli() / 1000 * 10 + object);
  }

  static String sha(String seed) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A live object: what it holds now, and how each write shows in a watch. */
  private final class Live {
    final ResourceKey key;
    String uid;
    long generation;
    int replicas;
    String image = "";
    final List<ManagedFieldsEntry> managers = new ArrayList<>();

    Live(ResourceKey key, String uid) {
      this.key = key;
      this.uid = uid;
    }

    void write(
        Instant at,
        WatchAction action,
        String owner,
        String manager,
        String operation,
        List<String> fields) {
      write(at, action, owner, manager, operation, fields, "");
    }

    void write(
        Instant at,
        WatchAction action,
        String owner,
        String manager,
        String operation,
        List<String> fields,
        String subresource) {
      if (action == WatchAction.ADDED) {
        generation = 1;
        managers.clear();
      } else if (action == WatchAction.MODIFIED && key.kind().equals("Deployment")) {
        generation++;
      }
      if (manager != null) {
        // field ownership moves to the writer; managers left with no fields disappear
        List<ManagedFieldsEntry> kept = new ArrayList<>();
        for (ManagedFieldsEntry m : managers) {
          if (m.manager().equals(manager)) {
            continue;
          }
          List<String> rest = m.fields().stream().filter(f -> !fields.contains(f)).toList();
          if (!rest.isEmpty()) {
            kept.add(
                new ManagedFieldsEntry(
                    m.manager(), m.operation(), m.subresource(), m.time(), rest));
          }
        }
        kept.add(new ManagedFieldsEntry(manager, operation, subresource, at, fields));
        managers.clear();
        managers.addAll(kept);
      }
      String appName = owner.substring(owner.indexOf('/') + 1);
      String trackingId =
          appName + ":" + key.group() + "/" + key.kind() + ":" + key.namespace() + "/" + key.name();
      timeline.add(
          new ResourceObserved(
              key,
              at,
              action,
              uid,
              version(at, key.kind().equals("Deployment") ? 3 : 4),
              generation,
              Map.of("app.kubernetes.io/name", "ops-journal"),
              Map.of("argocd.argoproj.io/tracking-id", trackingId),
              List.copyOf(managers),
              key.kind().equals("Deployment")
                  ? sha("replicas=" + replicas + ";image=" + image)
                  : sha("service"),
              key.kind().equals("Deployment")
                  ? Map.of("spec.replicas", Integer.toString(replicas), IMAGE_FIELD, image)
                  : Map.of()));
    }
  }
}
