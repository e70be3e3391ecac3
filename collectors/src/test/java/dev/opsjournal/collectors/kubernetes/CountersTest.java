package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counters counters = new Counters(registry, "prod");

  @Test
  void theCollectorsCountsAreMetersOfItsCluster() {
    counters.published.addAndGet(5);
    counters.publishRetries.incrementAndGet();

    assertThat(
            registry
                .get("opsjournal.collector.observations.published")
                .tag("cluster", "prod")
                .functionCounter()
                .count())
        .isEqualTo(5);
    assertThat(registry.get("opsjournal.collector.publish.retries").functionCounter().count())
        .isEqualTo(1);
  }

  @Test
  void watchRestartsAreCountedPerKind() {
    counters.watchRestarted("Deployment");
    counters.watchRestarted("Deployment");
    counters.watchRestarted("Service");

    assertThat(
            registry
                .get("opsjournal.collector.watch.restarts")
                .tags("cluster", "prod", "kind", "Deployment")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("opsjournal.collector.watch.restarts")
                .tag("kind", "Service")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void everyWatchedKindsRestartsAreExposedBeforeTheFirst() {
    counters.watching(List.of("Application", "Deployment"));

    assertThat(
            registry.get("opsjournal.collector.watch.restarts").counters().stream()
                .map(c -> c.getId().getTag("kind") + "=" + c.count()))
        .containsExactlyInAnyOrder("Application=0.0", "Deployment=0.0");
  }
}
