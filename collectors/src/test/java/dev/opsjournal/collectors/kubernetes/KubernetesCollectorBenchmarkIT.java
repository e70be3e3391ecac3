package dev.opsjournal.collectors.kubernetes;

import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
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
 */
@Tag("benchmark")
@Tag("integration")
@EnableKubernetesMockClient(crud = true)
class KubernetesCollectorBenchmarkIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  static final int OBJECTS = Integer.getInteger("bench.watchedObjects", 10_000);
  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void createObjects() {
    long started = System.nanoTime();
    IntStream.range(0, OBJECTS)
        .parallel()
        .forEach(
            i -> KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "cm-" + i)));
    System.out.printf(
        "BENCHMARK created %d ConfigMaps on the mock API server in %.1f s%n",
        OBJECTS, seconds(started));
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
