package dev.opsjournal.server.benchmark;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic estate: N Argo CD Applications on one cluster, M tracked objects spread over them
 * (Deployments, Services, ConfigMaps), and the watch firehose they produce. Deterministic for a
 * seed. The journal clock starts on Monday 2026-11-16 (ISO week 2026-W47) and moves by {@code step}
 * per observation.
 */
final class Estate {

  static final String CLUSTER = "bench";
  static final String ARGO_NAMESPACE = "argocd";
  static final String REPO = "https://git.example.com/estate.git";
  static final String BRANCH = "main";
  static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

  /** What one generated observation is, and what the journal should make of it. */
  enum Kind {
    SEED_APPLICATION,
    SEED_OBJECT,
    NO_OP_RESYNC,
    STATUS_ONLY,
    APPLICATION_NO_OP,
    APPLICATION_STATUS_ONLY,
    REAL_CHANGE,
    DRIFT_WRITE,
    DRIFT_VERDICT,
    CORRECTION,
    CORRECTION_VERDICT,
    OWNERSHIP_FLIP,
    COMMIT,
    HEARTBEAT;

    /** Whether the observation should put a new entry on its object's timeline. */
    boolean journaled() {
      return this == REAL_CHANGE
          || this == DRIFT_WRITE
          || this == CORRECTION
          || this == OWNERSHIP_FLIP;
    }
  }

  /** An observation with what it is. */
  record Generated(Observation observation, Kind kind) {}

  private static final String IMAGE_FIELD = "spec.template.spec.containers[name=web].image";

  private final int apps;
  private final Random random;
  private final long stepMillis;
  private final App[] applications;
  private final Obj[] objects;
  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
  private Instant clock = MONDAY;
  private long sinceHeartbeat;
  private int commits;

  Estate(int apps, int objectCount, long seed, long stepMillis) {
    this.apps = apps;
    this.random = new Random(seed);
    this.stepMillis = stepMillis;
    this.applications = new App[apps];
    this.objects = new Obj[objectCount];
    for (int a = 0; a < apps; a++) {
      applications[a] = new App(a);
    }
    String[][] kinds = {{"apps", "Deployment"}, {"", "Service"}, {"", "ConfigMap"}};
    for (int o = 0; o < objectCount; o++) {
      int app = o % apps;
      String[] kind = kinds[o % kinds.length];
      objects[o] =
          new Obj(
              ResourceKey.of(CLUSTER, kind[0], kind[1], "ns-" + app, "obj-" + o),
              "uid-o-" + o,
              app);
      applications[app].declared.add(o);
    }
  }

  ResourceKey key(int object) {
    return objects[object].key;
  }

  Map<Kind, Integer> counts() {
    return counts;
  }

  Instant now() {
    return clock;
  }

  /** Every Application, then every object, as a collector's first list shows them. */
  List<Generated> seed() {
    List<Generated> out = new ArrayList<>(applications.length + objects.length);
    for (App app : applications) {
      out.add(emit(app.observe(tick(), WatchAction.ADDED, -1), Kind.SEED_APPLICATION));
    }
    for (Obj obj : objects) {
      obj.generation = 1;
      obj.fingerprint = "fp-" + obj.uid + "-1";
      obj.managers = List.of(argoWrite(obj, clock));
      out.add(emit(obj.observe(tick(), WatchAction.ADDED), Kind.SEED_OBJECT));
    }
    return out;
  }

  /**
   * The steady firehose: about 58% resyncs that change nothing, 30% status-only updates, 5%
   * Application resyncs, 2% Application status updates, 3% real changes by argocd-controller
   * (corrections where the object had drifted), 1.5% drifts by kubectl with the Application's
   * OutOfSync verdict, 0.5% ownership flips, 0.1% commits, a heartbeat every 500 observations.
   */
  List<Generated> mix(int count) {
    List<Generated> out = new ArrayList<>(count + count / 50);
    while (out.size() < count) {
      next(out);
    }
    return out;
  }

  private void next(List<Generated> out) {
    if (++sinceHeartbeat >= 500) {
      sinceHeartbeat = 0;
      out.add(
          emit(
              new HeartbeatObserved(CLUSTER, "kubernetes-collector", tick(), clock.minusSeconds(5)),
              Kind.HEARTBEAT));
      return;
    }
    double dice = random.nextDouble();
    Obj obj = objects[random.nextInt(objects.length)];
    App owner = applications[obj.owner];
    if (dice < 0.579) {
      out.add(emit(obj.observe(tick(), WatchAction.MODIFIED), Kind.NO_OP_RESYNC));
    } else if (dice < 0.879) {
      obj.resourceVersion++;
      List<ManagedFieldsEntry> managers = new ArrayList<>(obj.managers);
      managers.removeIf(ManagedFieldsEntry::isStatusWrite);
      managers.add(
          new ManagedFieldsEntry(
              "kube-controller-manager",
              "Update",
              "status",
              tick(),
              List.of("status.observedGeneration", "status.replicas")));
      obj.managers = List.copyOf(managers);
      out.add(emit(obj.observe(clock, WatchAction.MODIFIED), Kind.STATUS_ONLY));
    } else if (dice < 0.929) {
      out.add(emit(owner.observe(tick(), WatchAction.MODIFIED, -1), Kind.APPLICATION_NO_OP));
    } else if (dice < 0.949) {
      owner.resourceVersion++;
      out.add(emit(owner.observe(tick(), WatchAction.MODIFIED, -1), Kind.APPLICATION_STATUS_ONLY));
    } else if (dice < 0.979) {
      boolean correction = obj.drifted;
      obj.resourceVersion++;
      obj.generation++;
      obj.fingerprint = correction ? obj.beforeDrift : "fp-" + obj.uid + "-" + obj.generation;
      obj.drifted = false;
      obj.managers = List.of(argoWrite(obj, tick()));
      out.add(
          emit(
              obj.observe(clock, WatchAction.MODIFIED),
              correction ? Kind.CORRECTION : Kind.REAL_CHANGE));
      if (correction) {
        owner.resourceVersion++;
        owner.outOfSync.remove(Integer.valueOf(obj.index()));
        out.add(emit(owner.observe(tick(), WatchAction.MODIFIED, -1), Kind.CORRECTION_VERDICT));
      }
    } else if (dice < 0.994) {
      if (obj.drifted) {
        out.add(emit(obj.observe(tick(), WatchAction.MODIFIED), Kind.NO_OP_RESYNC));
        return;
      }
      obj.resourceVersion++;
      obj.generation++;
      obj.beforeDrift = obj.fingerprint;
      obj.fingerprint = "fp-" + obj.uid + "-" + obj.generation + "-drift";
      obj.drifted = true;
      List<ManagedFieldsEntry> managers = new ArrayList<>(obj.managers);
      managers.add(
          new ManagedFieldsEntry("kubectl-edit", "Update", "", tick(), List.of("spec.replicas")));
      obj.managers = List.copyOf(managers);
      out.add(emit(obj.observe(clock, WatchAction.MODIFIED), Kind.DRIFT_WRITE));
      owner.resourceVersion++;
      owner.outOfSync.add(obj.index());
      out.add(emit(owner.observe(tick(), WatchAction.MODIFIED, -1), Kind.DRIFT_VERDICT));
    } else if (dice < 0.999) {
      // the object's tracking moves to the neighbouring Application (a copy-pasted manifest)
      obj.owner = (obj.owner + 1) % apps;
      obj.resourceVersion++;
      obj.generation++;
      obj.fingerprint = "fp-" + obj.uid + "-" + obj.generation;
      obj.drifted = false;
      obj.managers = List.of(argoWrite(obj, tick()));
      out.add(emit(obj.observe(clock, WatchAction.MODIFIED), Kind.OWNERSHIP_FLIP));
    } else {
      commits++;
      Instant at = tick();
      String sha = String.format("%040x", (long) commits * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
      int app = random.nextInt(apps);
      out.add(
          emit(
              new CommitObserved(
                  REPO,
                  BRANCH,
                  true,
                  at,
                  sha,
                  List.of(),
                  new Person("Dev " + (commits % 40), "dev" + (commits % 40) + "@example.com", at),
                  null,
                  "bench: change app-" + app,
                  List.of(new ChangedPath("MODIFY", "apps/app-" + app + "/values.yaml", "")),
                  Map.of()),
              Kind.COMMIT));
    }
  }

  private Generated emit(Observation observation, Kind kind) {
    counts.merge(kind, 1, Integer::sum);
    return new Generated(observation, kind);
  }

  private Instant tick() {
    clock = clock.plusMillis(stepMillis);
    return clock;
  }

  private ManagedFieldsEntry argoWrite(Obj obj, Instant at) {
    return new ManagedFieldsEntry(
        "argocd-controller", "Apply", "", at, List.of("spec.replicas", IMAGE_FIELD));
  }

  private final class App {
    final int index;
    final ResourceKey key;
    final List<Integer> declared = new ArrayList<>();
    final List<Integer> outOfSync = new ArrayList<>();
    long resourceVersion = 1;

    App(int index) {
      this.index = index;
      this.key = ResourceKey.application(CLUSTER, ARGO_NAMESPACE, "app-" + index);
    }

    ApplicationObserved observe(Instant at, WatchAction action, int unused) {
      List<DeclaredResource> resources = new ArrayList<>(declared.size());
      for (int o : declared) {
        ResourceKey k = objects[o].key;
        resources.add(
            new DeclaredResource(
                k.group(),
                k.group().isEmpty() ? "v1" : "v1",
                k.kind(),
                k.namespace(),
                k.name(),
                outOfSync.contains(o) ? "OutOfSync" : "Synced",
                "Healthy",
                false));
      }
      return new ApplicationObserved(
          key,
          at,
          action,
          "uid-a-" + index,
          Long.toString(resourceVersion),
          Map.of(),
          Map.of(),
          new Spec(
              "default",
              REPO,
              "apps/app-" + index,
              "HEAD",
              "",
              "https://kubernetes.default.svc",
              "",
              "ns-" + index,
              true,
              true,
              false),
          new Status(
              outOfSync.isEmpty() ? "Synced" : "OutOfSync",
              "0000000000000000000000000000000000000001",
              "Healthy",
              at.minusSeconds(1),
              null,
              List.of(),
              resources,
              List.of()));
    }
  }

  private final class Obj {
    final ResourceKey key;
    final String uid;
    int owner;
    long resourceVersion = 1;
    long generation;
    String fingerprint = "";
    String beforeDrift = "";
    boolean drifted;
    List<ManagedFieldsEntry> managers = List.of();

    Obj(ResourceKey key, String uid, int owner) {
      this.key = key;
      this.uid = uid;
      this.owner = owner;
    }

    int index() {
      return Integer.parseInt(key.name().substring(4));
    }

    ResourceObserved observe(Instant at, WatchAction action) {
      String tracking =
          "app-"
              + owner
              + ":"
              + key.group()
              + "/"
              + key.kind()
              + ":"
              + key.namespace()
              + "/"
              + key.name();
      return new ResourceObserved(
          key,
          at,
          action,
          uid,
          Long.toString(resourceVersion),
          generation,
          Map.of("app.kubernetes.io/instance", "app-" + owner),
          Map.of("argocd.argoproj.io/tracking-id", tracking),
          managers,
          fingerprint,
          key.kind().equals("Deployment")
              ? Map.of("spec.replicas", "2", IMAGE_FIELD, "registry.example.com/web:1")
              : Map.of());
    }
  }
}
