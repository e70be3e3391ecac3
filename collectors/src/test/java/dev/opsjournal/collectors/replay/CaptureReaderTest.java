package dev.opsjournal.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.observation.WatchAction;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureReaderTest {

  private final CaptureReader reader = new CaptureReader(new ObjectMapper());

  @Test
  void readsPrettyAndOneLineValuesWrappedOrNot() throws IOException {
    String capture =
        """
        {
          "type": "ADDED",
          "object": {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {
              "name": "web", "namespace": "shop", "uid": "u1", "resourceVersion": "1",
              "managedFields": [
                {"manager": "kubectl", "operation": "Update", "time": "2026-11-17T10:00:00Z"},
                {"manager": "argocd-controller", "operation": "Apply", "time": "2026-11-17T11:00:00Z"}
              ]
            },
            "spec": {"replicas": 2}
          }
        }
        {"observedAt":"2026-11-17T12:00:00Z","type":"MODIFIED","object":{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"}}}
        {"type":"MODIFIED","object":{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"shop","namespace":"argocd"},"status":{"reconciledAt":"2026-11-17T12:03:00Z","operationState":{"finishedAt":"2026-11-17T12:01:00Z"}}}}
        {"type":"ADDED","object":{"apiVersion":"v1","kind":"Event","metadata":{"name":"e","namespace":"shop"},"lastTimestamp":"2026-11-17T12:04:00Z"}}
        {"type":"DELETED","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"shop"}}}
        """;
    List<CaptureReader.Malformed> malformed = new ArrayList<>();
    List<CapturedValue> values = reader.read(new StringReader(capture), malformed::add);

    assertThat(malformed).isEmpty();
    assertThat(values)
        .extracting(CapturedValue::at)
        .containsExactly(
            Instant.parse("2026-11-17T11:00:00Z"),
            Instant.parse("2026-11-17T12:00:00Z"),
            Instant.parse("2026-11-17T12:03:00Z"),
            Instant.parse("2026-11-17T12:04:00Z"),
            Instant.parse("2026-11-17T12:04:00Z")); // no time of its own: the one before
    assertThat(values)
        .extracting(CapturedValue::action)
        .containsExactly(
            WatchAction.ADDED,
            WatchAction.MODIFIED,
            WatchAction.MODIFIED,
            WatchAction.ADDED,
            WatchAction.DELETED);
    assertThat(values.get(0).object().getMetadata().getName()).isEqualTo("web");
  }

  @Test
  void reportsMalformedValuesAndGoesOn() throws IOException {
    String capture =
        """
        {"type":"BOOKMARK","object":{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}}}
        {"type":"ADDED"}
        [1, 2]
        {"type":"ADDED","observedAt":"yesterday","object":{"apiVersion":"v1","kind":"Service"}}
        {"type":"ADDED","observedAt":"2026-11-17T12:00:00Z","object":{"apiVersion":"v1","kind":"Service","metadata":{"name":"ok"}}}
        {"type":"ADDED", "object": {
        """;
    List<CaptureReader.Malformed> malformed = new ArrayList<>();
    List<CapturedValue> values = reader.read(new StringReader(capture), malformed::add);

    assertThat(values).hasSize(1);
    assertThat(values.get(0).index()).isEqualTo(4);
    assertThat(malformed)
        .extracting(CaptureReader.Malformed::index)
        .containsExactly(0L, 1L, 2L, 3L, 5L);
    assertThat(malformed.get(0).reason()).contains("BOOKMARK");
    assertThat(malformed.get(1).reason()).contains("no object");
    assertThat(malformed.get(3).reason()).contains("observedAt");
    assertThat(malformed.get(4).reason()).contains("not JSON");
    assertThat(malformed.get(1).offset()).isPositive();
  }

  @Test
  void heartbeatsFallOnFiveMinuteBoundaries() {
    assertThat(Timeline.firstBoundary(Instant.parse("2026-11-16T09:00:30Z")))
        .isEqualTo(Instant.parse("2026-11-16T09:05:00Z"));
    assertThat(Timeline.firstBoundary(Instant.parse("2026-11-16T09:05:00Z")))
        .isEqualTo(Instant.parse("2026-11-16T09:05:00Z"));
  }
}
