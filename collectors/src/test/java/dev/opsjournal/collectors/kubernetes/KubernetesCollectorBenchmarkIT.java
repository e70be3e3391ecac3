package dev.opsjournal.collectors.kubernetes;

import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measurement, not a test (excluded from the default run): 10,000 ConfigMaps (or {@code
 * -Dbench.watchedObjects}) on the mock API server, one collector listing them all. Prints objects
 * published per second and the heap the collector holds for them. Run it with
 *
 * <pre>
 * mvn -pl collectors -am verify -Dbenchmark.excluded=none -Dgroups=benchmark \
 *     -Dit.test=KubernetesCollectorBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false [-Dbench.watchedObjects=100000]
 * </pre>
 *
 * <p>The mock API server is fabric8's CRUD dispatcher (what {@code @EnableKubernetesMockClient(crud
 * = true)} serves when no expectation is set), with one difference while the objects are created:
 * its check that a new object's name is not taken ({@code findResource}) scans the whole store
 * under the store's write lock, so creating N objects costs N²/2 attribute matches (35 s for
 * 10,000; 100,000 had not finished after 14 minutes). The names here are distinct by construction,
 * so that check is skipped while seeding; every object is still POSTed by the client through the
 * mock's create handler (uid, resourceVersion, creationTimestamp, generation, store), and the
 * collector lists and watches the unchanged CRUD server. The store lives in this JVM: it is in the
 * heap both before the collector starts and while it watches, so it cancels out of the figure. At
 * 100,000 run only {@code -Dit.test=KubernetesCollectorBenchmarkIT#initialListIntoMemory} (each
 * test seeds its own server).
 */
@Tag("benchmark")
@Tag("integration")
class KubernetesCollectorBenchmarkIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  static final int OBJECTS = Integer.getInteger("bench.watchedObjects", 10_000);
  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);

  SeedableCrudDispatcher store;
  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void createObjects() {
    store = new SeedableCrudDispatcher();
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            store,
            false);
    server.init();
    client = server.createClient();

    long started = System.nanoTime();
    store.seeding = true;
    try {
      IntStream.range(0, OBJECTS)
          .parallel()
          .forEach(
              i ->
                  KubeObjects.create(
                      client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "cm-" + i)));
    } finally {
      store.seeding = false;
    }
    double elapsed = seconds(started);
    if (store.getMap().size() != OBJECTS) {
      throw new IllegalStateException(
          "the mock API server holds " + store.getMap().size() + " objects, not " + OBJECTS);
    }
    System.out.printf(
        "BENCHMARK created %d ConfigMaps on the mock API server in %.1f s (%.0f/s)%n",
        OBJECTS, elapsed, OBJECTS / elapsed);
  }

  @AfterEach
  void stopServer() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  @Test
  void initialListIntoMemory() {
    AtomicLong published = new AtomicLong();
    ObservationSink counting = observation -> published.incrementAndGet();
    long heapBefore = heapAfterGc();

    KubernetesCollector collector = collector("bench-memory", counting);
    long started = System.nanoTime();
    collector.start();
    await().atMost(Duration.ofMinutes(5)).until(() -> published.get() >= OBJECTS + 1);
    double elapsed = seconds(started);
    long heapWatching = heapAfterGc();
    collector.stop();

    System.out.printf(
        "BENCHMARK in-memory sink: %d objects published in %.2f s = %.0f objects/s; heap after GC"
            + " %.1f MiB before start, %.1f MiB while watching: %.1f MiB for %d objects"
            + " (%.0f bytes each)%n",
        OBJECTS,
        elapsed,
        OBJECTS / elapsed,
        mib(heapBefore),
        mib(heapWatching),
        mib(heapWatching - heapBefore),
        OBJECTS,
        (heapWatching - heapBefore) / (double) OBJECTS);
  }

  @Test
  void initialListIntoKafka() {
    AtomicLong published = new AtomicLong();
    ObservationSink kafkaSink = ObservationTopic.sink(kafka.bootstrapServers());
    ObservationSink counting =
        observation -> {
          kafkaSink.publish(observation);
          published.incrementAndGet();
        };

    KubernetesCollector collector = collector("bench-kafka", counting);
    long started = System.nanoTime();
    collector.start();
    await().atMost(Duration.ofMinutes(10)).until(() -> published.get() >= OBJECTS + 1);
    double elapsed = seconds(started);
    collector.stop();

    System.out.printf(
        "BENCHMARK Kafka sink (in-process broker, acks=all, blocking publishes in 8 lanes): %d"
            + " objects in %.2f s = %.0f objects/s%n",
        OBJECTS, elapsed, OBJECTS / elapsed);
  }

  private KubernetesCollector collector(String cluster, ObservationSink sink) {
    return new KubernetesCollector(
        client,
        KubernetesCollectorProperties.forCluster(cluster)
            .withTrackedKinds(List.of(CONFIG_MAP))
            .withLeaderElection(new LeaderElection(false, null, null, "bench", null, null, null)),
        sink,
        new DiscardingInventory(),
        Clock.systemUTC());
  }

  /**
   * fabric8's CRUD dispatcher, whose "already exists" check on create can be skipped while objects
   * with distinct names are seeded. That check ({@code findResource}, a linear scan of the store)
   * is the only part of a create whose cost grows with the store; everything else is unchanged.
   */
  static final class SeedableCrudDispatcher extends KubernetesCrudDispatcher {
    volatile boolean seeding;

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
      return seeding ? null : super.findResource(attributes);
    }
  }

  /**
   * The Kafka inventory keeps nothing in the heap; an in-memory one would hold every observation
   * and distort the heap figure.
   */
  private static final class DiscardingInventory implements Inventory {
    @Override
    public Map<ResourceKey, Entry> load(String cluster) {
      return Map.of();
    }

    @Override
    public void record(ResourceKey key, Entry entry) {}

    @Override
    public void forget(ResourceKey key) {}

    @Override
    public void flush() {}
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
