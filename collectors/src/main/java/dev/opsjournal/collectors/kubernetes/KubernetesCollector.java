package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 *
 * <p>This class is the lifecycle only: {@link Leadership} decides when this replica watches, a
 * {@link Term} is one stretch of watching ({@link Watches}, {@link PublishLanes}, the {@link
 * Reconciler} over an {@link InventoryLedger}), and {@link Heartbeats} says it is alive.
 */
public class KubernetesCollector implements SmartLifecycle {

  private final Term.Setup setup;
  private final Counters counters;

  private final Object lifecycle = new Object();
  private volatile boolean running;
  private volatile Term term;
  private ScheduledExecutorService executor;
  private Leadership leadership;

  KubernetesCollector(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObservationSink sink,
      Inventory inventory,
      Clock clock) {
    this(client, properties, sink, inventory, clock, new SimpleMeterRegistry());
  }

  /** With the collector's meters in {@code meters}. */
  KubernetesCollector(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObservationSink sink,
      Inventory inventory,
      Clock clock,
      MeterRegistry meters) {
    this(client, properties, sink, inventory, clock, meters, null);
  }

  /**
   * With the collector's meters in {@code meters}, its informers' lists among them when {@code
   * lists} counts the requests of {@code client} (null: not metered).
   */
  KubernetesCollector(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObservationSink sink,
      Inventory inventory,
      Clock clock,
      MeterRegistry meters,
      ListRequests lists) {
    this.counters = new Counters(meters, properties.cluster());
    Map<String, List<TrackedKind>> apisByKind = Watches.apisByKind(properties);
    counters.watching(apisByKind.keySet());
    if (lists != null) {
      counters.countLists(lists, apisByKind);
    }
    Gauge.builder(
            "opsjournal.collector.inventory.objects", this, KubernetesCollector::inventorySize)
        .description("objects in the inventory of what was last published (0 when not leading)")
        .tag("cluster", properties.cluster())
        .register(meters);
    String collectorName = "kubernetes-collector@" + properties.leaderElection().identity();
    this.setup =
        new Term.Setup(
            client,
            properties,
            ObjectMapping.of(properties.cluster(), properties.redaction()),
            inventory,
            sink,
            clock,
            new Heartbeats(sink, properties.cluster(), collectorName, clock),
            counters,
            collectorName);
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
                Thread thread =
                    new Thread(task, "kubernetes-collector-" + setup.properties().cluster());
                thread.setDaemon(true);
                return thread;
              });
      threads.setRemoveOnCancelPolicy(true);
      executor = threads;
      if (setup.properties().leaderElection().enabled()) {
        leadership =
            new Leadership(
                setup.client(),
                setup.properties().leaderElection(),
                setup.collectorName(),
                executor,
                lifecycle,
                this::activate,
                this::deactivate);
        leadership.stand();
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
      if (leadership != null) {
        leadership.resign();
        leadership = null;
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
    return term != null;
  }

  /**
   * Whether every informer has listed once and deletions made while nobody watched have been
   * published: from then on, what is published is live.
   */
  public boolean isSynced() {
    Term current = term;
    return current != null && current.isSynced();
  }

  /**
   * Publishes a heartbeat now: the cluster, this collector, the current time and the newest {@code
   * status.reconciledAt} among the Applications in the informers' cache. Only the active replica
   * heartbeats, and only once synced (before that its view of the Applications is incomplete).
   *
   * @return whether a heartbeat was published
   */
  public boolean heartbeat() {
    Term current = term;
    return current != null && current.isSynced() && current.heartbeat();
  }

  /** How many observations were published since start (for logs and tests). */
  long published() {
    return counters.published.get();
  }

  /** How many notifications carried nothing new: resync ticks, relists, restarts. */
  long unchanged() {
    return counters.unchanged.get();
  }

  /** How many objects could not be mapped and were skipped. */
  long malformed() {
    return counters.malformed.get();
  }

  private int inventorySize() {
    Term current = term;
    return current == null ? 0 : current.inventorySize();
  }

  private void activate() {
    synchronized (lifecycle) {
      if (!running || term != null) {
        return;
      }
      Term next = new Term(setup, executor);
      term = next;
      executor.execute(next::start);
    }
  }

  private void deactivate() {
    Term current;
    synchronized (lifecycle) {
      current = term;
      term = null;
    }
    if (current != null) {
      current.stop();
    }
  }
}
