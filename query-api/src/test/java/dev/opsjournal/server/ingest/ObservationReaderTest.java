package dev.opsjournal.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservationReaderTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final ObservationReader reader =
      new ObservationReader(json, new IngestProperties(6, 512, 1, 100, 100));

  private final HeartbeatObserved heartbeat =
      new HeartbeatObserved(
          "local",
          "kubernetes-collector",
          Instant.parse("2026-11-19T10:10:00Z"),
          Instant.parse("2026-11-19T10:00:00Z"));

  @Test
  void givenAHeartbeatOnTheWire_whenRead_thenTheSameHeartbeat() throws Exception {
    Observation read = reader.read("local", json.writeValueAsString(heartbeat));

    assertThat(read).isEqualTo(heartbeat);
  }

  @Test
  void givenNoSchemaVersion_whenRead_thenVersionOneIsAssumed() {
    String wire =
        "{\"type\":\"heartbeat\",\"cluster\":\"local\",\"observedAt\":\"2026-11-19T10:10:00Z\"}";

    assertThat(reader.read("local", wire)).isInstanceOf(HeartbeatObserved.class);
  }

  @Test
  void givenAnEmptyValue_whenRead_thenRefusedAsATombstone() {
    assertThatThrownBy(() -> reader.read("local", null))
        .isInstanceOf(MalformedObservationException.class)
        .hasMessageContaining("tombstone");
  }

  @Test
  void givenAJsonArray_whenRead_thenRefusedForWantOfAType() {
    assertThatThrownBy(() -> reader.read("local", "[1,2]"))
        .isInstanceOf(MalformedObservationException.class)
        .hasMessageContaining("\"type\"");
  }

  @Test
  void givenAHeartbeatWithoutItsCluster_whenRead_thenTheMissingFieldIsNamed() {
    String wire = "{\"type\":\"heartbeat\",\"observedAt\":\"2026-11-19T10:10:00Z\"}";

    assertThatThrownBy(() -> reader.read(null, wire))
        .isInstanceOf(MalformedObservationException.class)
        .hasMessageContaining("heartbeat observation")
        .hasMessageContaining("cluster name");
  }

  @Test
  void givenAnObservationUnderAnotherKey_whenRead_thenRefusedBecauseOrderWouldNotHold()
      throws Exception {
    assertThatThrownBy(() -> reader.read("other", json.writeValueAsString(heartbeat)))
        .isInstanceOf(MalformedObservationException.class)
        .hasMessageContaining("Kafka key 'other'");
  }

  @Test
  void givenAnObservationLargerThanTheLimit_whenRead_thenRefusedWithTheLimitNamed() {
    assertThatThrownBy(
            () ->
                reader.read("local", "{\"type\":\"heartbeat\",\"x\":\"" + "y".repeat(600) + "\"}"))
        .isInstanceOf(MalformedObservationException.class)
        .hasMessageContaining("max-observation-bytes=512");
  }
}
