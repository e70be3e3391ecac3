package dev.opsjournal.server.operations;

import dev.opsjournal.server.conflict.ConflictEpisodes;
import dev.opsjournal.server.drift.DriftEpisodes;
import dev.opsjournal.server.journal.JournalProgress;
import dev.opsjournal.server.outage.Outages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The journal's state as gauges, read through the features' readers and cached for a few seconds:
 * what is open now (drifts, conflicts, outages), and how far each event processor is behind the
 * head of the event store.
 */
@Component
class JournalGauges {

  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private final MeterRegistry meters;
  private final JournalProgress progress;
  private final CachedReading<Map<String, Long>> behind;

  JournalGauges(
      MeterRegistry meters,
      JournalProgress progress,
      DriftEpisodes drifts,
      ConflictEpisodes conflicts,
      Outages outages) {
    this.meters = meters;
    this.progress = progress;
    this.behind = CachedReading.of(progress::behindHead, FRESHNESS);
    open("opsjournal.drifts.open", "drifts not corrected yet", drifts::openCount);
    open("opsjournal.conflicts.open", "conflicts not ended yet", conflicts::openCount);
    for (String kind : Outages.KINDS) {
      Gauge.builder(
              "opsjournal.outages.open",
              CachedReading.of(() -> outages.openCount(kind), FRESHNESS),
              reading -> reading.get())
          .description("outages not ended yet, by kind")
          .strongReference(true)
          .tag("kind", kind)
          .register(meters);
    }
  }

  /** The processors exist once Axon started them; one gauge each, named by processing group. */
  @EventListener(ApplicationStartedEvent.class)
  void registerProcessorLag() {
    progress
        .behindHead()
        .keySet()
        .forEach(
            processor ->
                Gauge.builder(
                        "opsjournal.processor.lag",
                        behind,
                        reading -> reading.get().getOrDefault(processor, 0L))
                    .description("events stored after the processor's position")
                    .baseUnit("events")
                    .strongReference(true)
                    .tag("processor", processor)
                    .register(meters));
  }

  private void open(String name, String description, Supplier<Long> count) {
    Gauge.builder(name, CachedReading.of(count, FRESHNESS), reading -> reading.get())
        .description(description)
        .strongReference(true)
        .register(meters);
  }
}
