package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FetchMetersTest {

  static final String SOURCE = "https://git.example/deploy.git#main";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean unavailable = new AtomicBoolean();
  private final FetchMeters meters = new FetchMeters(registry, SOURCE, unavailable::get);

  @Test
  void everyFetchIsTimedAndTheFailedOnesCountedPerSource() {
    meters.fetched(meters.start());
    meters.failed(meters.start());
    meters.failed(meters.start());

    assertThat(registry.get("opsjournal.git.fetch").tag("source", SOURCE).timer().count())
        .isEqualTo(3);
    assertThat(
            registry.get("opsjournal.git.fetch.failures").tag("source", SOURCE).counter().count())
        .isEqualTo(2);
  }

  @Test
  void theOutageGaugeFollowsTheSourcesAvailability() {
    var gauge = registry.get("opsjournal.git.source.unavailable").tag("source", SOURCE).gauge();
    assertThat(gauge.value()).isZero();
    unavailable.set(true);
    assertThat(gauge.value()).isEqualTo(1);
  }
}
