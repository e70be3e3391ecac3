package dev.opsjournal.collectors.git;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.BooleanSupplier;

/**
 * The meters of one source's fetches, labelled with the source ({@code <repoUrl>#<branch>}, no
 * credentials): how long each fetch took, how many failed, and whether the source is in an outage.
 */
final class FetchMeters {

  private final MeterRegistry meters;
  private final Timer fetches;
  private final Counter failures;

  FetchMeters(MeterRegistry meters, String source, BooleanSupplier unavailable) {
    this.meters = meters;
    this.fetches =
        Timer.builder("opsjournal.git.fetch")
            .description("fetches of the source's branch, failed or not")
            .tag("source", source)
            .register(meters);
    this.failures =
        Counter.builder("opsjournal.git.fetch.failures")
            .description("fetches that failed (unreachable, refused, timed out)")
            .tag("source", source)
            .register(meters);
    Gauge.builder("opsjournal.git.source.unavailable", unavailable, u -> u.getAsBoolean() ? 1 : 0)
        .description("1 while the source is in an outage (reported once), else 0")
        .tag("source", source)
        .strongReference(true)
        .register(meters);
  }

  /** Starts timing a fetch. */
  Timer.Sample start() {
    return Timer.start(meters);
  }

  void fetched(Timer.Sample sample) {
    sample.stop(fetches);
  }

  void failed(Timer.Sample sample) {
    sample.stop(fetches);
    failures.increment();
  }
}
