package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.collectors.publish.PublishException;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One outage, one report of it and one of its end, across restarts and refused publications. */
class AvailabilityTest {

  private static final String URL = "https://git.example.com/platform.git";
  private static final String SOURCE = URL + "#main";
  private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

  @TempDir Path dir;
  private final CapturingSink sink = new CapturingSink();
  private Checkpoints checkpoints;

  @BeforeEach
  void create() {
    checkpoints = new Checkpoints(dir);
  }

  @Test
  void givenFailedFetchesThenGoodOnes_whenReported_thenOneOutageAndOneRecovery() {
    Availability availability = availability();

    availability.available();
    availability.unavailable("fetch failed: connection refused");
    availability.unavailable("fetch failed: timeout");
    availability.available();
    availability.available();

    assertThat(sink.published())
        .containsExactly(
            new SourceUnavailableObserved(URL, "main", NOW, "fetch failed: connection refused"),
            new SourceRecoveredObserved(URL, "main", NOW));
    assertThat(checkpoints.unavailable(SOURCE)).isFalse();
  }

  @Test
  void givenARestartDuringAnOutage_whenReported_thenTheOutageIsNotRepeatedAndItsEndIsSent() {
    availability().unavailable("fetch failed: connection refused");
    sink.clear();

    Availability restarted = availability();
    restarted.unavailable("fetch failed: still refused");
    restarted.available();

    assertThat(sink.published()).containsExactly(new SourceRecoveredObserved(URL, "main", NOW));
  }

  @Test
  void givenARefusedPublication_whenReportedAgain_thenTheOutageIsStillSent() {
    Availability availability = availability();
    sink.failAfter(0);

    assertThatThrownBy(() -> availability.unavailable("fetch failed: connection refused"))
        .isInstanceOf(PublishException.class);
    assertThat(checkpoints.unavailable(SOURCE)).isFalse();

    sink.heal();
    availability.unavailable("fetch failed: connection refused");
    assertThat(sink.published()).singleElement().isInstanceOf(SourceUnavailableObserved.class);
    assertThat(checkpoints.unavailable(SOURCE)).isTrue();
  }

  private Availability availability() {
    return new Availability(
        URL, "main", SOURCE, sink, Clock.fixed(NOW, ZoneOffset.UTC), checkpoints);
  }
}
