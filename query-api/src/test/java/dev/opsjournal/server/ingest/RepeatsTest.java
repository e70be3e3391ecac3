package dev.opsjournal.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import dev.opsjournal.server.ingest.ObservationReader.Parsed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatsTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final ObservationReader reader =
      new ObservationReader(json, new IngestProperties(6, 1 << 20, 1, 100, 100));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Repeats repeats =
      new Repeats(new IngestProperties(6, 1 << 20, 1, 100, 100), meters);

  private static final ResourceKey KEY =
      ResourceKey.of("local", "apps", "Deployment", "team-a", "web");

  @Test
  void givenAJournaledObservation_whenTheSameIsSeenLater_thenItIsARepeat() throws Exception {
    Parsed first = receive(deployment("2026-11-16T09:00:00Z", "41", "3"));
    assertThat(repeats.isRepeat(first)).isFalse();
    repeats.journaled(first);

    assertThat(repeats.isRepeat(receive(deployment("2026-11-16T09:10:00Z", "41", "3")))).isTrue();
    assertThat(meters.counter("opsjournal.ingest.repeats").count()).isEqualTo(1);
  }

  @Test
  void givenAnObservationNotYetJournaled_whenSeenAgain_thenItIsNotARepeat() throws Exception {
    repeats.isRepeat(receive(deployment("2026-11-16T09:00:00Z", "41", "3")));

    assertThat(repeats.isRepeat(receive(deployment("2026-11-16T09:10:00Z", "41", "3")))).isFalse();
  }

  @Test
  void givenANewVersionOrAForgetting_whenSeen_thenItIsNotARepeat() throws Exception {
    repeats.journaled(receive(deployment("2026-11-16T09:00:00Z", "41", "3")));

    assertThat(repeats.isRepeat(receive(deployment("2026-11-16T09:10:00Z", "42", "3")))).isFalse();
    assertThat(repeats.isRepeat(receive(deployment("2026-11-16T09:10:00Z", "41", "4")))).isFalse();
    repeats.forgetAll();
    assertThat(repeats.isRepeat(receive(deployment("2026-11-16T09:10:00Z", "41", "3")))).isFalse();
  }

  @Test
  void givenHeartbeats_whenSeenAgain_thenNeverARepeat() throws Exception {
    Instant reconciled = Instant.parse("2026-11-19T10:00:00Z");
    Parsed beat =
        receive(
            new HeartbeatObserved(
                "local", "collector", Instant.parse("2026-11-19T10:10:00Z"), reconciled));
    repeats.journaled(beat);

    assertThat(
            repeats.isRepeat(
                receive(
                    new HeartbeatObserved(
                        "local", "collector", Instant.parse("2026-11-19T10:11:00Z"), reconciled))))
        .isFalse();
  }

  private Parsed receive(Observation observation) throws Exception {
    return reader.parse(observation.subject(), json.writeValueAsString(observation));
  }

  private static ResourceObserved deployment(String at, String resourceVersion, String replicas) {
    return new ResourceObserved(
        KEY,
        Instant.parse(at),
        WatchAction.MODIFIED,
        "uid-1",
        resourceVersion,
        2,
        Map.of("app", "web"),
        Map.of(),
        List.of(),
        "fingerprint",
        Map.of("spec.replicas", replicas));
  }
}
