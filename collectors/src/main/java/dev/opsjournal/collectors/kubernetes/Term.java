package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.Inventory.Entry;
import dev.opsjournal.collectors.kubernetes.Inventory.Version;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One term of watching: from start (or taking the lead) to stop (or losing it). A new term starts
 * from the inventory, so it publishes only what changed while nobody watched; it is synced once
 * every watch has listed, the sweep has run and the initial notifications are handled.
 */
final class Term {

  private static final Logger log = LoggerFactory.getLogger(Term.class);

  /** What every term of one collector works with. */
  record Setup(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObjectMapping.Mappings mappings,
      Inventory inventory,
      ObservationSink sink,
      Clock clock,
      Heartbeats heartbeats,
      Counters counters,
      String collectorName) {}

  private final Setup setup;
  private final String cluster;
  private final ScheduledExecutorService executor;
  private final PublishLanes lanes;
  private final Backoff backoff;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private volatile boolean active = true;
  private volatile boolean synced;
  private volatile InventoryLedger ledger;
  private volatile Reconciler reconciler;
  private volatile List<Watch> watches = List.of();
  private volatile ScheduledFuture<?> heartbeats;

  /**
   * @param executor the collector's own thread: starts the term, sweeps and heartbeats
   */
  Term(Setup setup, ScheduledExecutorService executor) {
    this.setup = setup;
    this.cluster = setup.properties().cluster();
    this.executor = executor;
    this.lanes = new PublishLanes("kubernetes-collector-" + cluster);
    this.backoff = new Backoff(this::isActive, this::awaitStop);
  }

  boolean isActive() {
    return active;
  }

  /** Objects in the inventory of this term (0 before it was read). */
  int inventorySize() {
    InventoryLedger current = ledger;
    return current == null ? 0 : current.size();
  }

  /** The collector's counters, across terms. */
  Counters counters() {
    return setup.counters();
  }

  boolean isSynced() {
    return synced;
  }

  PublishLanes lanes() {
    return lanes;
  }

  /** Reads the inventory (retrying until Kafka answers), then starts the watches. */
  void start() {
    Optional<Map<ResourceKey, Entry>> stored =
        backoff.retry(
            () -> setup.inventory().load(cluster),
            (attempt, retryIn, e) ->
                log.warn(
                    "cannot read the inventory of cluster {}; retrying in {} ms",
                    cluster,
                    retryIn.toMillis(),
                    e));
    if (stored.isEmpty()) {
      return; // stopped while waiting for Kafka
    }
    ledger = new InventoryLedger(stored.get());
    reconciler =
        new Reconciler(
            ledger,
            setup.inventory(),
            setup.sink(),
            backoff,
            this::isActive,
            setup.counters(),
            setup.clock(),
            cluster);
    synchronized (this) {
      if (!active) {
        return;
      }
      watches = Watches.of(this, setup.client(), setup.properties(), setup.mappings());
    }
    KubernetesCollectorProperties properties = setup.properties();
    log.info(
        "watching cluster {} as {}: Applications in {}; {} in {}; Events; {} objects in the"
            + " inventory",
        cluster,
        setup.collectorName(),
        describeNamespaces(properties.applicationNamespaces()),
        properties.trackedKinds().stream().map(TrackedKind::kind).toList(),
        describeNamespaces(properties.namespaces()),
        stored.get().size());
    AtomicInteger pending = new AtomicInteger(watches.size());
    for (Watch watch : watches) {
      watch
          .start()
          .whenComplete(
              (ignored, error) -> {
                if (error != null || !active) {
                  return; // stopped before the list completed
                }
                executor.execute(
                    () -> {
                      reconciler.sweep(watch);
                      if (pending.decrementAndGet() == 0) {
                        onSynced();
                      }
                    });
              });
    }
  }

  void upsert(Watch watch, GenericKubernetesResource object, GenericKubernetesResource before) {
    reconciler.upsert(watch, object, before);
  }

  void delete(Watch watch, GenericKubernetesResource object) {
    reconciler.delete(watch, object);
  }

  /** A notification that could not be handled: counted, logged, and not waited for by sync. */
  void failed(Watch watch, GenericKubernetesResource object, RuntimeException e) {
    setup.counters().malformed.incrementAndGet();
    if (!synced && object != null && object.getMetadata() != null) {
      ledger.skip(watch.cacheKeyOf(object), Reconciler.versionOf(object));
    }
    String key = keyOf(watch, object);
    log.atWarn()
        .addKeyValue("resource", key)
        .setCause(e)
        .log("skipping {} {} {}: {}", watch, key, describeVersion(object), e.getMessage());
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
    List<Watch> current = watches;
    int ofOtherKinds =
        ledger.setAsideUnseen(key -> current.stream().noneMatch(watch -> watch.covers(key)));
    ledger.clearSkipped();
    synced = true;
    Counters counters = setup.counters();
    log.info(
        "cluster {} synced: {} observations published, {} unchanged, {} malformed{}",
        cluster,
        counters.published.get(),
        counters.unchanged.get(),
        counters.malformed.get(),
        ofOtherKinds == 0
            ? ""
            : "; " + ofOtherKinds + " inventory entries belong to kinds or namespaces not watched");
    long interval = setup.properties().heartbeatInterval().toMillis();
    heartbeats = executor.scheduleAtFixedRate(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
  }

  /** Whether every object in the caches has been handled at its cached version. */
  private boolean settled() {
    for (Watch watch : watches) {
      for (GenericKubernetesResource object : watch.cached().toList()) {
        Version version = Reconciler.versionOf(object);
        if (!ledger.skipped(watch.cacheKeyOf(object), version)
            && !version.equals(handledVersion(watch, object))) {
          return false;
        }
      }
    }
    return true;
  }

  private Version handledVersion(Watch watch, GenericKubernetesResource object) {
    try {
      return ledger.published(watch.mapping.keyOf(object));
    } catch (RuntimeException e) {
      return null; // malformed: settled through skipped
    }
  }

  /** Publishes a heartbeat over this term's watches; false once the term ended. */
  boolean heartbeat() {
    return active && setup.heartbeats().publish(watches);
  }

  /** Waits for the delay; true when the term ended meanwhile. */
  private boolean awaitStop(Duration delay) {
    try {
      return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Ends the term: stops the informers and the lanes, then stores the inventory. */
  void stop() {
    active = false;
    stopped.countDown();
    ScheduledFuture<?> beating = heartbeats;
    if (beating != null) {
      beating.cancel(false);
    }
    List<Watch> current;
    synchronized (this) {
      current = watches;
    }
    current.forEach(Watch::stop);
    lanes.shutdown(); // interrupts a publish in flight: it is not recorded, so not lost
    try {
      setup.inventory().flush();
    } catch (RuntimeException e) {
      log.warn("could not store the inventory of cluster {}", cluster, e);
    }
    log.info(
        "stopped watching cluster {} ({} observations published)",
        cluster,
        setup.counters().published.get());
  }

  /**
   * The object's resource key, as the journal names it; when the object is too broken to have one,
   * the same shape from what its metadata holds ({@code ?} for what it lacks).
   */
  private String keyOf(Watch watch, GenericKubernetesResource object) {
    try {
      return watch.mapping.keyOf(object).toString();
    } catch (RuntimeException e) {
      ObjectMeta meta = object == null ? null : object.getMetadata();
      return String.join(
          "/",
          cluster,
          watch.group,
          watch.kind,
          meta == null ? "?" : Objects.requireNonNullElse(meta.getNamespace(), ""),
          meta == null ? "?" : Objects.requireNonNullElse(meta.getName(), "?"));
    }
  }

  private static String describeVersion(GenericKubernetesResource object) {
    ObjectMeta meta = object == null ? null : object.getMetadata();
    return meta == null
        ? "(no metadata)"
        : "(uid " + meta.getUid() + ", resourceVersion " + meta.getResourceVersion() + ")";
  }

  private static String describeNamespaces(List<String> namespaces) {
    return namespaces.isEmpty() ? "all namespaces" : "namespaces " + namespaces;
  }
}
