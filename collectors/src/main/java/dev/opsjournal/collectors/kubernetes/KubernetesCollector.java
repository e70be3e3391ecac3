package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.EventMapper.Api;
import dev.opsjournal.collectors.kubernetes.Inventory.Entry;
import dev.opsjournal.collectors.kubernetes.Inventory.Version;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches one cluster and publishes what changes in it: Argo CD Applications, the tracked kinds and
 * Events, through fabric8 informers, each add/update/delete mapped to one observation.
 *
 * <p>Exactly the changes, once: every publication is checked against what was last published for
 * that object (uid + resourceVersion, kept in the {@link Inventory}). So resync ticks, relists
 * after a watch gap ("410 Gone") and the initial list after a restart or a leader change publish
 * nothing for unchanged objects; changed ones are published as MODIFIED, new ones as ADDED, and
 * objects of the inventory that the initial list no longer holds as DELETED (deleted while nobody
 * watched). With leader election only the Lease holder watches, publishes and heartbeats.
 */
public class KubernetesCollector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KubernetesCollector.class);

  static final TrackedKind APPLICATIONS =
      new TrackedKind("argoproj.io", "v1alpha1", "Application", "applications", true);
  static final TrackedKind CORE_EVENTS = new TrackedKind("", "v1", "Event", "events", true);
  static final TrackedKind EVENTS_API_EVENTS =
      new TrackedKind("events.k8s.io", "v1", "Event", "events", true);

  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);
  private static final int LOCK_STRIPES = 256;
  private static final int LANES = 8;
  private static final int LANE_CAPACITY = 1_000;

  private final KubernetesClient client;
  private final KubernetesCollectorProperties properties;
  private final ObservationSink sink;
  private final Inventory inventory;
  private final Clock clock;
  private final ResourceMapper resources;
  private final ApplicationMapper applications;
  private final EventMapper events;
  private final String collectorName;
  private final Object[] locks = new Object[LOCK_STRIPES];

  private final Object lifecycle = new Object();
  private volatile boolean running;
  private volatile Session session;
  private ScheduledExecutorService executor;
  private CompletableFuture<?> election;

  private final AtomicLong published = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();

  KubernetesCollector(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObservationSink sink,
      Inventory inventory,
      Clock clock) {
    this.client = client;
    this.properties = properties;
    this.sink = sink;
    this.inventory = inventory;
    this.clock = clock;
    this.resources =
        new ResourceMapper(properties.cluster(), new Fingerprints(properties.redaction()));
    this.applications = new ApplicationMapper(properties.cluster());
    this.events = new EventMapper(properties.cluster());
    this.collectorName = "kubernetes-collector@" + properties.leaderElection().identity();
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      running = true;
      ScheduledThreadPoolExecutor threads =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "kubernetes-collector-" + properties.cluster());
                thread.setDaemon(true);
                return thread;
              });
      threads.setRemoveOnCancelPolicy(true);
      executor = threads;
      if (properties.leaderElection().enabled()) {
        elect();
      } else {
        activate();
      }
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      // stop watching and store the inventory before the Lease is released: the next leader
      // must read everything this one published
      deactivate();
      if (election != null) {
        election.cancel(true);
        election = null;
      }
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether this replica is watching: always when running alone, only as leader when elected. */
  public boolean isActive() {
    return session != null;
  }

  /**
   * Whether every informer has listed once and deletions made while nobody watched have been
   * published: from then on, what is published is live.
   */
  public boolean isSynced() {
    Session current = session;
    return current != null && current.synced;
  }

  /**
   * Publishes a heartbeat now: the cluster, this collector, the current time and the newest {@code
   * status.reconciledAt} among the Applications in the informers' cache. Only the active replica
   * heartbeats, and only once synced (before that its view of the Applications is incomplete).
   *
   * @return whether a heartbeat was published
   */
  public boolean heartbeat() {
    Session current = session;
    return current != null && current.synced && current.heartbeat();
  }

  /** How many observations were published since start (for logs and tests). */
  long published() {
    return published.get();
  }

  /** How many notifications carried nothing new: resync ticks, relists, restarts. */
  long unchanged() {
    return unchanged.get();
  }

  /** How many objects could not be mapped and were skipped. */
  long malformed() {
    return malformed.get();
  }

  // --- leadership -------------------------------------------------------------------------

  private void elect() {
    LeaderElection config = properties.leaderElection();
    String namespace =
        !config.leaseNamespace().isEmpty()
            ? config.leaseNamespace()
            : Objects.requireNonNullElse(client.getNamespace(), "default");
    log.info(
        "{} standing for leadership of Lease {}/{}", collectorName, namespace, config.leaseName());
    CompletableFuture<?> term =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(config.leaseName())
                    .withLock(new LeaseLock(namespace, config.leaseName(), config.identity()))
                    .withLeaseDuration(config.leaseDuration())
                    .withRenewDeadline(config.renewDeadline())
                    .withRetryPeriod(config.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            this::onStartLeading,
                            this::onStopLeading,
                            leader -> log.info("the collectors' leader is now {}", leader)))
                    .build())
            .build()
            .start();
    election = term;
    term.whenComplete(
        (ignored, error) -> {
          // a lost Lease ends the elector: stop watching, then stand again as a standby
          deactivate();
          synchronized (lifecycle) {
            if (running && election == term) {
              log.info("{} lost leadership; standing by", collectorName);
              executor.schedule(
                  this::reelect, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
          }
        });
  }

  private void reelect() {
    synchronized (lifecycle) {
      if (running) {
        elect();
      }
    }
  }

  private void onStartLeading() {
    log.info("{} is the leader", collectorName);
    activate();
  }

  private void onStopLeading() {
    deactivate();
  }

  private void activate() {
    synchronized (lifecycle) {
      if (!running || session != null) {
        return;
      }
      Session next = new Session();
      session = next;
      executor.execute(next::start);
    }
  }

  private void deactivate() {
    Session current;
    synchronized (lifecycle) {
      current = session;
      session = null;
    }
    if (current != null) {
      current.stop();
    }
  }

  // --- what is watched ----------------------------------------------------------------------

  /** How the objects of one watched kind become observations. */
  private interface Mapping {
    ResourceKey keyOf(GenericKubernetesResource object);

    /** The observation, or null when this action is not journaled (an Event's expiry). */
    Observation observe(GenericKubernetesResource object, WatchAction action, Instant at);
  }

  /** Builds the watches of one session: Applications, each tracked kind, and Events. */
  private List<Watch> watches(Session owner) {
    List<Watch> watches = new ArrayList<>();
    watches.add(
        new Watch(
            owner,
            "Applications",
            APPLICATIONS.group(),
            APPLICATIONS.kind(),
            properties.applicationNamespaces(),
            List.of(APPLICATIONS),
            true,
            new Mapping() {
              @Override
              public ResourceKey keyOf(GenericKubernetesResource object) {
                return applications.keyOf(object);
              }

              @Override
              public Observation observe(
                  GenericKubernetesResource object, WatchAction action, Instant at) {
                return applications.map(object, action, at);
              }
            }));
    for (TrackedKind kind : properties.trackedKinds()) {
      if (kind.group().equals(APPLICATIONS.group()) && kind.kind().equals(APPLICATIONS.kind())) {
        log.warn("Applications are always watched; ignoring them as a tracked kind");
        continue;
      }
      watches.add(
          new Watch(
              owner,
              kind.kind() + (kind.group().isEmpty() ? "" : "." + kind.group()),
              kind.group(),
              kind.kind(),
              kind.namespaced() ? properties.namespaces() : List.of(),
              List.of(kind),
              true,
              new Mapping() {
                @Override
                public ResourceKey keyOf(GenericKubernetesResource object) {
                  return resources.keyOf(kind, object);
                }

                @Override
                public Observation observe(
                    GenericKubernetesResource object, WatchAction action, Instant at) {
                  return resources.map(kind, object, action, at);
                }
              }));
    }
    // Events regard Applications as well as tracked objects: watch where either is watched
    List<String> eventNamespaces =
        properties.namespaces().isEmpty() || properties.applicationNamespaces().isEmpty()
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(
                    concat(properties.namespaces(), properties.applicationNamespaces())));
    watches.add(
        new Watch(
            owner,
            "Events",
            "",
            "Event",
            eventNamespaces,
            List.of(CORE_EVENTS, EVENTS_API_EVENTS),
            false,
            new Mapping() {
              @Override
              public ResourceKey keyOf(GenericKubernetesResource object) {
                return events.keyOf(object);
              }

              @Override
              public Observation observe(
                  GenericKubernetesResource object, WatchAction action, Instant at) {
                if (action == WatchAction.DELETED) {
                  return null; // Events expire; that is not news
                }
                return events.map(
                    object,
                    "events.k8s.io/v1".equals(object.getApiVersion())
                            || object.getAdditionalProperties().containsKey("regarding")
                        ? Api.EVENTS_V1
                        : Api.CORE_V1,
                    at);
              }
            }));
    return watches;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * One watched kind (or, for Events, one object served by two APIs) in every watched namespace:
   * its informers, which keys of the inventory it answers for, and how it maps objects.
   */
  private final class Watch {
    final Session owner;
    final String name;
    final String group;
    final String kind;
    final List<String> namespaces;
    final boolean keepsLastState;
    final Mapping mapping;
    final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

    Watch(
        Session owner,
        String name,
        String group,
        String kind,
        List<String> namespaces,
        List<TrackedKind> apis,
        boolean keepsLastState,
        Mapping mapping) {
      this.owner = owner;
      this.name = name;
      this.group = group;
      this.kind = kind;
      this.namespaces = namespaces;
      this.keepsLastState = keepsLastState;
      this.mapping = mapping;
      for (TrackedKind api : apis) {
        ResourceDefinitionContext context = api.context();
        if (namespaces.isEmpty()) {
          informers.add(
              client
                  .genericKubernetesResources(context)
                  .inAnyNamespace()
                  .runnableInformer(properties.resyncPeriod().toMillis()));
        } else {
          for (String namespace : namespaces) {
            informers.add(
                client
                    .genericKubernetesResources(context)
                    .inNamespace(namespace)
                    .runnableInformer(properties.resyncPeriod().toMillis()));
          }
        }
      }
      Handler handler = new Handler(this);
      for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
        informer.addEventHandler(handler);
        // keep listing through failures (API server down, CRD not installed yet, expired watch):
        // giving up would silently stop the journal for this kind
        informer.exceptionHandler(
            (started, error) -> {
              if (owner.active) {
                log.warn("watching {} failed; retrying: {}", name, error.toString());
              }
              return owner.active;
            });
      }
    }

    /** Whether a key of the inventory is this watch's to confirm or delete. */
    boolean covers(ResourceKey key) {
      return key.group().equals(group)
          && key.kind().equals(kind)
          && (namespaces.isEmpty() || namespaces.contains(key.namespace()));
    }

    /** Whether the informers currently hold the object. */
    boolean holds(ResourceKey key) {
      String storeKey = Cache.namespaceKeyFunc(key.namespace(), key.name());
      return informers.stream().anyMatch(i -> i.getStore().getByKey(storeKey) != null);
    }

    int size() {
      return informers.stream().mapToInt(i -> i.getStore().list().size()).sum();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Turns informer notifications into publications; never lets one object stop an informer. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    private final Watch watch;

    Handler(Watch watch) {
      this.watch = watch;
    }

    @Override
    public void onAdd(GenericKubernetesResource object) {
      dispatch(object, () -> watch.owner.upsert(watch, object, null));
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource object) {
      dispatch(object, () -> watch.owner.upsert(watch, object, previous));
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      // finalStateUnknown: the delete was missed in a watch gap and found by the relist; the
      // object's last cached state is all anyone knows, which is what a delete publishes anyway
      dispatch(object, () -> watch.owner.delete(watch, object));
    }

    /** Hands the work to the object's lane: one lane per key keeps each object's order. */
    private void dispatch(GenericKubernetesResource object, Runnable work) {
      ResourceKey key;
      try {
        key = watch.mapping.keyOf(object);
      } catch (RuntimeException e) {
        failed(object, e);
        return;
      }
      watch
          .owner
          .laneOf(key)
          .execute(
              () -> {
                try {
                  work.run();
                } catch (RuntimeException e) {
                  failed(object, e);
                }
              });
    }

    private void failed(GenericKubernetesResource object, RuntimeException e) {
      malformed.incrementAndGet();
      watch.owner.skip(watch, object);
      log.warn("skipping {} {}: {}", watch, describe(object), e.getMessage(), e);
    }
  }

  private String describe(GenericKubernetesResource object) {
    ObjectMeta meta = object == null ? null : object.getMetadata();
    if (meta == null) {
      return "(no metadata)";
    }
    return properties.cluster()
        + "/"
        + Objects.requireNonNullElse(meta.getNamespace(), "")
        + "/"
        + meta.getName()
        + " (uid "
        + meta.getUid()
        + ", resourceVersion "
        + meta.getResourceVersion()
        + ")";
  }

  // --- one term of watching -------------------------------------------------------------------

  /**
   * One term of watching: from start (or taking the lead) to stop (or losing it). A new term starts
   * from the inventory, so it publishes only what changed while nobody watched.
   */
  private final class Session {
    volatile boolean active = true;
    volatile boolean synced;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** The version last published per object. */
    private final Map<ResourceKey, Version> known = new ConcurrentHashMap<>();

    /**
     * Inventory entries not yet confirmed by a list: what the last term published that nobody has
     * seen since. Emptied by the initial lists; what remains was deleted meanwhile.
     */
    private final Map<ResourceKey, Entry> unseen = new ConcurrentHashMap<>();

    /** Until synced: objects whose notification failed, by watch and cache key. */
    private final Map<String, Version> skipped = new ConcurrentHashMap<>();

    private List<Watch> watches = List.of();
    private ScheduledFuture<?> heartbeats;

    /**
     * Publishing lanes. A publish waits for Kafka's acknowledgement, so one object at a time would
     * cap a large initial list at a few hundred objects a second; lanes publish in parallel while
     * each object, always in the same lane, keeps its order. Bounded: a slow Kafka slows the
     * informers' handlers down rather than filling the heap.
     */
    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];

    Session() {
      for (int i = 0; i < LANES; i++) {
        int lane = i;
        lanes[i] =
            new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(LANE_CAPACITY),
                task -> {
                  Thread thread =
                      new Thread(
                          task, "kubernetes-collector-" + properties.cluster() + "-lane-" + lane);
                  thread.setDaemon(true);
                  return thread;
                },
                (task, pool) -> {
                  try {
                    if (!pool.isShutdown()) {
                      pool.getQueue().put(task); // wait for room: back-pressure, not loss
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
      }
    }

    Executor laneOf(ResourceKey key) {
      return lanes[Math.floorMod(key.hashCode(), LANES)];
    }

    void start() {
      Map<ResourceKey, Entry> stored = loadInventory();
      if (stored == null) {
        return; // stopped while waiting for Kafka
      }
      stored.forEach(
          (key, entry) -> {
            known.put(key, new Version(entry.uid(), entry.resourceVersion()));
            unseen.put(key, entry);
          });
      synchronized (lifecycle) {
        if (!active) {
          return;
        }
        watches = watches(this);
      }
      log.info(
          "watching cluster {} as {}: Applications in {}; {} in {}; Events; {} objects in the"
              + " inventory",
          properties.cluster(),
          collectorName,
          describeNamespaces(properties.applicationNamespaces()),
          properties.trackedKinds().stream().map(TrackedKind::kind).toList(),
          describeNamespaces(properties.namespaces()),
          stored.size());
      AtomicInteger pending = new AtomicInteger(watches.size());
      for (Watch watch : watches) {
        CompletableFuture<?>[] started =
            watch.informers.stream()
                .map(i -> i.start().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(started)
            .whenComplete(
                (ignored, error) -> {
                  if (error != null || !active) {
                    return; // stopped before the list completed
                  }
                  executor.execute(
                      () -> {
                        sweep(watch);
                        if (pending.decrementAndGet() == 0) {
                          onSynced();
                        }
                      });
                });
      }
    }

    private void onSynced() {
      // the lists are in the informers' caches; wait until their notifications are handled too,
      // so that "synced" means the initial state is published
      while (active && !settled()) {
        awaitStop(Duration.ofMillis(20));
      }
      if (!active) {
        return;
      }
      int ofOtherKinds = 0;
      for (ResourceKey key : List.copyOf(unseen.keySet())) {
        if (watches.stream().noneMatch(watch -> watch.covers(key))) {
          unseen.remove(key); // kinds no longer watched keep their entries, untouched
          ofOtherKinds++;
        }
      }
      skipped.clear();
      synced = true;
      log.info(
          "cluster {} synced: {} observations published, {} unchanged, {} malformed{}",
          properties.cluster(),
          published.get(),
          unchanged.get(),
          malformed.get(),
          ofOtherKinds == 0
              ? ""
              : "; "
                  + ofOtherKinds
                  + " inventory entries belong to kinds or namespaces not watched");
      long interval = properties.heartbeatInterval().toMillis();
      heartbeats =
          executor.scheduleAtFixedRate(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Whether every object in the caches has been handled at its cached version. */
    private boolean settled() {
      for (Watch watch : watches) {
        for (SharedIndexInformer<GenericKubernetesResource> informer : watch.informers) {
          for (GenericKubernetesResource object : informer.getStore().list()) {
            Version version = versionOf(object);
            if (!version.equals(skipped.get(watch.name + "|" + Cache.metaNamespaceKeyFunc(object)))
                && !version.equals(handledVersion(watch, object))) {
              return false;
            }
          }
        }
      }
      return true;
    }

    private Version handledVersion(Watch watch, GenericKubernetesResource object) {
      try {
        return known.get(watch.mapping.keyOf(object));
      } catch (RuntimeException e) {
        return null; // malformed: settled through skipped
      }
    }

    /** Before sync: an object that could not be handled, so that sync does not wait for it. */
    void skip(Watch watch, GenericKubernetesResource object) {
      if (!synced && object != null && object.getMetadata() != null) {
        skipped.put(watch.name + "|" + Cache.metaNamespaceKeyFunc(object), versionOf(object));
      }
    }

    /**
     * After a watch's initial list: whatever the inventory holds for it that the list did not is
     * gone — deleted while nobody watched. Published DELETED with its last known state.
     */
    private void sweep(Watch watch) {
      int deleted = 0;
      for (ResourceKey key : List.copyOf(unseen.keySet())) {
        if (!active) {
          return;
        }
        if (!watch.covers(key)) {
          continue;
        }
        synchronized (lockFor(key)) {
          Entry entry = unseen.get(key);
          if (entry == null || watch.holds(key)) {
            continue; // listed: its notification will settle it
          }
          Observation last = entry.last() == null ? null : deletedCopy(entry.last(), now());
          try {
            if (last != null && !publish(last)) {
              return;
            }
          } catch (MalformedObjectException e) {
            log.warn("skipping the deletion of {}: {}", key, e.getMessage(), e);
            continue;
          }
          unseen.remove(key);
          known.remove(key);
          inventory.forget(key);
          deleted++;
        }
      }
      log.info(
          "{} of cluster {}: the initial list held {} objects; {} deleted while unobserved",
          watch,
          properties.cluster(),
          watch.size(),
          deleted);
    }

    void upsert(Watch watch, GenericKubernetesResource object, GenericKubernetesResource before) {
      if (!active) {
        return;
      }
      ResourceKey key = watch.mapping.keyOf(object);
      Version version = versionOf(object);
      synchronized (lockFor(key)) {
        Version last = known.get(key);
        Entry stored = unseen.remove(key);
        if (version.equals(last)) {
          unchanged.incrementAndGet(); // a resync tick, a relist or a restart: nothing new
          return;
        }
        Instant at = now();
        Observation replaced = null;
        if (last != null && !last.uid().equals(version.uid())) {
          // deleted and created again while unobserved (a restart or a watch gap)
          if (before != null && versionOf(before).equals(last)) {
            replaced = watch.mapping.observe(before, WatchAction.DELETED, at);
          } else if (stored != null && stored.last() != null) {
            replaced = deletedCopy(stored.last(), at);
          }
        }
        WatchAction action =
            last == null || !last.uid().equals(version.uid())
                ? WatchAction.ADDED
                : WatchAction.MODIFIED;
        Observation observation = watch.mapping.observe(object, action, at);
        if (replaced != null && !publish(replaced)) {
          return;
        }
        if (observation != null && !publish(observation)) {
          return;
        }
        known.put(key, version);
        inventory.record(
            key,
            new Entry(
                version.uid(),
                version.resourceVersion(),
                watch.keepsLastState ? observation : null));
      }
    }

    void delete(Watch watch, GenericKubernetesResource object) {
      if (!active) {
        return;
      }
      ResourceKey key = watch.mapping.keyOf(object);
      synchronized (lockFor(key)) {
        unseen.remove(key);
        if (!known.containsKey(key)) {
          return; // never published, so there is nothing to retract
        }
        // should this mapping fail (a malformed last state), the key stays in the inventory and
        // the next start publishes the deletion with the last state that was published
        Observation observation = watch.mapping.observe(object, WatchAction.DELETED, now());
        if (observation != null && !publish(observation)) {
          return;
        }
        known.remove(key);
        inventory.forget(key);
      }
    }

    boolean heartbeat() {
      if (!active) {
        return false;
      }
      Instant latest = null;
      for (Watch watch : watches) {
        if (watch.group.equals(APPLICATIONS.group()) && watch.kind.equals(APPLICATIONS.kind())) {
          for (SharedIndexInformer<GenericKubernetesResource> informer : watch.informers) {
            for (GenericKubernetesResource application : informer.getStore().list()) {
              Instant reconciled = reconciledAt(application);
              if (reconciled != null && (latest == null || reconciled.isAfter(latest))) {
                latest = reconciled;
              }
            }
          }
        }
      }
      try {
        // no retry: the next heartbeat supersedes this one
        sink.publish(new HeartbeatObserved(properties.cluster(), collectorName, now(), latest));
        return true;
      } catch (RuntimeException e) {
        log.warn("could not publish a heartbeat of cluster {}", properties.cluster(), e);
        return false;
      }
    }

    /**
     * Publishes, retrying with backoff until it works or this term ends: nothing is dropped
     * silently, and nothing unpublished is recorded as published.
     */
    private boolean publish(Observation observation) {
      Duration backoff = FIRST_RETRY;
      for (int attempt = 1; ; attempt++) {
        if (!active) {
          return false;
        }
        try {
          sink.publish(observation);
          published.incrementAndGet();
          return true;
        } catch (IllegalArgumentException e) {
          // it will never serialise: retrying would stop this informer for good
          throw new MalformedObjectException("cannot be published: " + e.getMessage(), e);
        } catch (RuntimeException e) {
          log.warn(
              "could not publish {} (attempt {}); retrying in {} ms",
              observation.subject(),
              attempt,
              backoff.toMillis(),
              e);
          if (awaitStop(backoff)) {
            return false;
          }
          backoff =
              backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0
                  ? LAST_RETRY
                  : backoff.multipliedBy(2);
        }
      }
    }

    private Map<ResourceKey, Entry> loadInventory() {
      Duration backoff = FIRST_RETRY;
      while (active) {
        try {
          return inventory.load(properties.cluster());
        } catch (RuntimeException e) {
          log.warn(
              "cannot read the inventory of cluster {}; retrying in {} ms",
              properties.cluster(),
              backoff.toMillis(),
              e);
          if (awaitStop(backoff)) {
            return null;
          }
          backoff =
              backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0
                  ? LAST_RETRY
                  : backoff.multipliedBy(2);
        }
      }
      return null;
    }

    /** Waits for the backoff; true when the term ended meanwhile. */
    private boolean awaitStop(Duration backoff) {
      try {
        return stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }

    void stop() {
      active = false;
      stopped.countDown();
      if (heartbeats != null) {
        heartbeats.cancel(false);
      }
      List<Watch> current;
      synchronized (lifecycle) {
        current = watches;
      }
      current.forEach(watch -> watch.informers.forEach(SharedIndexInformer::stop));
      for (ThreadPoolExecutor lane : lanes) {
        lane.shutdownNow(); // interrupts a publish in flight: it is not recorded, so not lost
      }
      for (ThreadPoolExecutor lane : lanes) {
        try {
          lane.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        inventory.flush();
      } catch (RuntimeException e) {
        log.warn("could not store the inventory of cluster {}", properties.cluster(), e);
      }
      log.info(
          "stopped watching cluster {} ({} observations published)",
          properties.cluster(),
          published.get());
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private Instant now() {
    return Instant.now(clock);
  }

  private Object lockFor(ResourceKey key) {
    return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
  }

  private static Version versionOf(GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    return new Version(meta.getUid(), meta.getResourceVersion());
  }

  private static Instant reconciledAt(GenericKubernetesResource application) {
    try {
      return Node.of(application.getAdditionalProperties(), "").at("status.reconciledAt").time();
    } catch (MalformedObjectException e) {
      return null; // logged when the Application itself was skipped
    }
  }

  /** The last published state of an object, now as its deletion. */
  static Observation deletedCopy(Observation last, Instant at) {
    if (last instanceof ResourceObserved r) {
      return new ResourceObserved(
          r.resource(),
          at,
          WatchAction.DELETED,
          r.uid(),
          r.resourceVersion(),
          r.generation(),
          r.labels(),
          r.annotations(),
          r.managedFields(),
          r.specFingerprint());
    }
    if (last instanceof ApplicationObserved a) {
      return new ApplicationObserved(
          a.application(),
          at,
          WatchAction.DELETED,
          a.uid(),
          a.resourceVersion(),
          a.labels(),
          a.annotations(),
          a.spec(),
          a.status());
    }
    return null;
  }

  private static String describeNamespaces(List<String> namespaces) {
    return namespaces.isEmpty() ? "all namespaces" : "namespaces " + namespaces;
  }
}
