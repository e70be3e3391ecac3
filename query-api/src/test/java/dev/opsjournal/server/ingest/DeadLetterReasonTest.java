package dev.opsjournal.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.ingest.MalformedObservationException.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** The {@code reason} label of {@code opsjournal_observations_dead_lettered_total}. */
class DeadLetterReasonTest {

  @Test
  void aMalformedObservationIsLabelledWithItsReasonHoweverDeeplyItIsWrapped() {
    MalformedObservationException malformed =
        new MalformedObservationException(Reason.NOT_JSON, "not JSON: ...");
    Throwable asDelivered =
        new ListenerExecutionFailedException(
            "listener failed", new BatchListenerFailedException("not JSON", malformed, 3));

    assertThat(IngestConfiguration.reasonOf(asDelivered)).isEqualTo("not_json");
  }

  @Test
  void everyReasonHasASnakeCaseLabel() {
    assertThat(Reason.TOO_LARGE.label()).isEqualTo("too_large");
    assertThat(Reason.UNKNOWN_TYPE.label()).isEqualTo("unknown_type");
    assertThat(Reason.values()).allSatisfy(r -> assertThat(r.label()).matches("[a-z_]+"));
  }

  @Test
  void aFailureThatOutlivedItsRetriesIsUnprocessable() {
    assertThat(IngestConfiguration.reasonOf(new IllegalStateException("a bug")))
        .isEqualTo("unprocessable");
  }
}
