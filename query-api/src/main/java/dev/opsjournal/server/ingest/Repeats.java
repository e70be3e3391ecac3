package dev.opsjournal.server.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.server.ingest.ObservationReader.Parsed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
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

  private static final Set<String> CONVERGENT_TYPES = Set.of("resource", "application");

  private final Cache<String, ContentDigest> lastJournaled;
  private final Counter dropped;

  Repeats(IngestProperties properties, MeterRegistry meters) {
    this.lastJournaled = Caffeine.newBuilder().maximumSize(properties.rememberedSubjects()).build();
    this.dropped =
        Counter.builder("opsjournal.ingest.repeats")
            .description("exact re-observations dropped before the command bus")
            .register(meters);
  }

  /**
   * Whether the value says what the last journaled observation of its key said. Decided before the
   * value is decoded: the digest covers the subject, so an equal digest under the same key means
   * the same subject, checked when that observation was decoded.
   */
  boolean isRepeat(Parsed parsed) {
    boolean repeat =
        isConvergent(parsed) && parsed.content().equals(lastJournaled.getIfPresent(parsed.key()));
    if (repeat) {
      dropped.increment();
    }
    return repeat;
  }

  void journaled(Parsed parsed) {
    if (isConvergent(parsed)) {
      lastJournaled.put(parsed.key(), parsed.content());
    }
  }

  void forgetAll() {
    lastJournaled.invalidateAll();
  }

  /**
   * Objects and Applications: the {@code type}s of {@link ResourceObserved} and {@link
   * ApplicationObserved}.
   */
  private static boolean isConvergent(Parsed parsed) {
    return parsed.key() != null && CONVERGENT_TYPES.contains(parsed.type());
  }
}
