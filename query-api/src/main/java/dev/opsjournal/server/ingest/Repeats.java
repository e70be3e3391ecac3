package dev.opsjournal.server.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Remembers, per subject, what the last journaled observation of an object or Application said, so
 * that an exact re-observation (a resync, a relist, a re-delivery: most of the firehose) is dropped
 * before it costs a command, an aggregate load and a transaction.
 *
 * <p>Safe because those aggregates converge on what they are told: an object or Application
 * observed again with the same content, only later, decides nothing new. (Heartbeats and Git
 * observations are never dropped: their time is their content.) The aggregates stay the authority:
 * whatever is not remembered, or was forgotten, goes to them. Only observations whose unit of work
 * committed are remembered, and everything is forgotten when partitions move between servers.
 */
@Component
class Repeats {

  private final Cache<String, ContentDigest> lastJournaled;
  private final Counter dropped;

  Repeats(IngestProperties properties, MeterRegistry meters) {
    this.lastJournaled = Caffeine.newBuilder().maximumSize(properties.rememberedSubjects()).build();
    this.dropped =
        Counter.builder("opsjournal.ingest.repeats")
            .description("exact re-observations dropped before the command bus")
            .register(meters);
  }

  boolean isRepeat(Received received) {
    boolean repeat =
        isConvergent(received)
            && received.content().equals(lastJournaled.getIfPresent(subject(received)));
    if (repeat) {
      dropped.increment();
    }
    return repeat;
  }

  void journaled(Received received) {
    if (isConvergent(received)) {
      lastJournaled.put(subject(received), received.content());
    }
  }

  void forgetAll() {
    lastJournaled.invalidateAll();
  }

  private static boolean isConvergent(Received received) {
    return received.observation() instanceof ResourceObserved
        || received.observation() instanceof ApplicationObserved;
  }

  private static String subject(Received received) {
    return received.observation().subject();
  }
}
