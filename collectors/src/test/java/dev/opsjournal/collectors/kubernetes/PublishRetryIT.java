package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishException;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the collector does when publishing fails, and what its inventory holds, with the in-memory
 * inventory and a sink that can fail on demand (no Kafka needed to say "Kafka is down").
 */
@Tag("integration")
@EnableKubernetesMockClient(crud = true)
@ExtendWith(OutputCaptureExtension.class)
class PublishRetryIT {

  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);
  static final ResourceKey KEY = ResourceKey.of("retry", "", "ConfigMap", "shop", "a");

  KubernetesMockServer server;
  KubernetesClient client;

  private final MemoryInventory inventory = new MemoryInventory();
  private final FlakySink sink = new FlakySink();
  private KubernetesCollector collector;

  @AfterEach
  void stop() {
    collector.stop();
  }

  @Test
  void publishFailuresAreRetriedWithBackoffNotDropped(CapturedOutput output) {
    collector = start();
    await().until(collector::isSynced);
    sink.failNext(3);

    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "a"));

    await().until(() -> sink.published.size() == 1);
    assertThat(sink.attempts.get()).as("three failures, then success").isEqualTo(4);
    assertThat(output).contains("could not publish retry//ConfigMap/shop/a (attempt 3)");
    assertThat(inventory.load("retry")).containsKey(KEY);
  }

  @Test
  void theInventoryFollowsWhatWasPublished() {
    collector = start();
    await().until(collector::isSynced);

    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "a"));
    await().until(() -> inventory.load("retry").containsKey(KEY));
    Inventory.Entry entry = inventory.load("retry").get(KEY);
    ResourceObserved published = (ResourceObserved) sink.published.get(0);
    assertThat(entry.uid()).isEqualTo(published.uid());
    assertThat(entry.resourceVersion()).isEqualTo(published.resourceVersion());
    assertThat(entry.last()).isEqualTo(published);

    KubeObjects.delete(client, CONFIG_MAP, "shop", "a");
    await().until(() -> !inventory.load("retry").containsKey(KEY));
    assertThat(sink.published)
        .extracting(o -> ((ResourceObserved) o).action())
        .containsExactly(WatchAction.ADDED, WatchAction.DELETED);
  }

  @Test
  void aSecondTermStartsWhereTheFirstEnded() {
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "a"));
    collector = start();
    await().until(collector::isSynced);
    collector.stop();

    collector = start();
    await().until(collector::isSynced);

    assertThat(sink.published).hasSize(1);
    assertThat(collector.unchanged()).isEqualTo(1);
  }

  private KubernetesCollector start() {
    KubernetesCollector started =
        new KubernetesCollector(
            client,
            KubernetesCollectorProperties.forCluster("retry")
                .withTrackedKinds(List.of(CONFIG_MAP))
                .withLeaderElection(new LeaderElection(false, null, null, "r", null, null, null)),
            sink,
            inventory,
            Clock.systemUTC());
    started.start();
    return started;
  }

  /** Records resource observations; fails on demand the way the Kafka sink does. */
  static final class FlakySink implements ObservationSink {
    final List<Observation> published = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    void failNext(int count) {
      failures.set(count);
    }

    @Override
    public void publish(Observation observation) {
      if (!(observation instanceof ResourceObserved)) {
        return; // heartbeats are not what this test is about
      }
      attempts.incrementAndGet();
      if (failures.getAndDecrement() > 0) {
        throw new PublishException("broker unavailable", new RuntimeException("test"));
      }
      published.add(observation);
    }
  }
}
