package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one source is reachable, reported once per outage: the first failed fetch publishes the
 * outage, the first good one after it the recovery. The state is saved in the checkpoints, so a
 * restart during an outage neither reports it again nor forgets the recovery.
 */
final class Availability {

  private static final Logger log = LoggerFactory.getLogger(Availability.class);

  private final String repoUrl;
  private final String branch;
  private final String source;
  private final ObservationSink sink;
  private final Clock clock;
  private final Checkpoints checkpoints;
  private volatile boolean unavailable;

  Availability(
      String repoUrl,
      String branch,
      String source,
      ObservationSink sink,
      Clock clock,
      Checkpoints checkpoints) {
    this.repoUrl = repoUrl;
    this.branch = branch;
    this.source = source;
    this.sink = sink;
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.unavailable = checkpoints.unavailable(source);
  }

  /** A fetch failed; {@code reason} is already free of credentials. */
  void unavailable(String reason) {
    if (unavailable) {
      log.debug("{} still unavailable: {}", source, reason);
      return; // once per outage
    }
    sink.publish(new SourceUnavailableObserved(repoUrl, branch, clock.instant(), reason));
    checkpoints.saveUnavailable(source, true);
    unavailable = true;
    log.warn("Git source {} is unavailable: {}", source, reason);
  }

  /** Whether the source is in an outage, as reported. */
  boolean isUnavailable() {
    return unavailable;
  }

  /** A fetch worked. */
  void available() {
    if (!unavailable) {
      return;
    }
    sink.publish(new SourceRecoveredObserved(repoUrl, branch, clock.instant()));
    checkpoints.saveUnavailable(source, false);
    unavailable = false;
    log.info("Git source {} is available again", source);
  }
}
