package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the collector did since start, across terms: for logs and tests, and as meters labelled with
 * the cluster ({@code opsjournal_collector_…}).
 */
final class Counters {

  /** Observations published. */
  final AtomicLong published = new AtomicLong();

  /** Notifications that carried nothing new: resync ticks, relists, restarts. */
  final AtomicLong unchanged = new AtomicLong();

  /** Objects that could not be mapped and were skipped. */
  final AtomicLong malformed = new AtomicLong();

  /** Publications that failed and were retried (Kafka unreachable, a full buffer). */
  final AtomicLong publishRetries = new AtomicLong();

  private final MeterRegistry meters;
  private final String cluster;
  private final MeterProvider<Counter> watchRestarts;

  Counters(MeterRegistry meters, String cluster) {
    this.meters = meters;
    this.cluster = cluster;
    count(meters, cluster, "opsjournal.collector.observations.published", published, "published");
    count(
        meters,
        cluster,
        "opsjournal.collector.notifications.unchanged",
        unchanged,
        "notifications that carried nothing new: resync ticks, relists, restarts");
    count(
        meters,
        cluster,
        "opsjournal.collector.objects.malformed",
        malformed,
        "objects that could not be mapped and were skipped");
    count(
        meters,
        cluster,
        "opsjournal.collector.publish.retries",
        publishRetries,
        "publications that failed and were retried");
    this.watchRestarts =
        Counter.builder("opsjournal.collector.watch.restarts")
            .description("lists or watches of a kind that failed and were started again")
            .tag("cluster", cluster)
            .withRegistry(meters);
  }

  /**
   * Meters the informers' list requests per watched kind ({@code
   * opsjournal_collector_lists_total}): the first list of each informer of a term and every relist.
   */
  void countLists(ListRequests lists, Map<String, List<TrackedKind>> apisByKind) {
    apisByKind.forEach(
        (kind, apis) ->
            FunctionCounter.builder(
                    "opsjournal.collector.lists",
                    lists,
                    l -> apis.stream().mapToLong(l::count).sum())
                .description(
                    "lists by the informers of a kind: each one's first of a term, and every relist"
                        + " after an expired or failed watch")
                .tags("cluster", cluster, "kind", kind)
                .register(meters));
  }

  /**
   * Registers the watch restarts of each watched kind at 0, so that they are exposed (and {@code
   * increase()} sees the first) before anything failed.
   */
  void watching(Collection<String> kinds) {
    kinds.forEach(kind -> watchRestarts.withTag("kind", kind));
  }

  /** A list or watch of {@code kind} failed; the informer starts it again. */
  void watchRestarted(String kind) {
    watchRestarts.withTag("kind", kind).increment();
  }

  private static void count(
      MeterRegistry meters, String cluster, String name, AtomicLong count, String description) {
    FunctionCounter.builder(name, count, AtomicLong::get)
        .description(description)
        .tag("cluster", cluster)
        .register(meters);
  }
}
