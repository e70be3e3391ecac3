package dev.opsjournal.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void selectorsWithMatchersRangesOrNoneAreMetrics() {
    assertThat(
            PromQlNames.of(
                "sum by (type) (rate(opsjournal_observations_consumed_total{namespace=~\"$namespace\"}[$__rate_interval]))"))
        .containsExactly("opsjournal_observations_consumed_total");
    assertThat(PromQlNames.of("max(opsjournal_drifts_open)"))
        .containsExactly("opsjournal_drifts_open");
    assertThat(PromQlNames.of("up")).containsExactly("up");
  }

  @Test
  void binaryOperationsReadBothSidesButNotTheirLabelListsKeywordsOrNumbers() {
    assertThat(
            PromQlNames.of(
                """
                sum by (namespace, source) (rate(git_failures_total[15m]))
                /
                sum by (namespace, source) (rate(git_seconds_count[15m])) > 0.5
                and on (namespace) group_left (pod) kube_pod_info offset 5m
                unless ignoring(reason) absent(x_total) == bool 1e3
                """))
        .containsExactly("git_failures_total", "git_seconds_count", "kube_pod_info", "x_total");
  }

  @Test
  void stringsAndLabelNamesInsideMatchersAreNoMetrics() {
    assertThat(
            PromQlNames.of(
                "kafka_lag{topic=\"opsjournal_observations\", partition!~'1|2'} + on() vector(0)"))
        .containsExactly("kafka_lag");
  }

  @Test
  void grafanasLabelValuesReadsItsMetric() {
    assertThat(PromQlNames.of("label_values(opsjournal_observations_consumed_total, namespace)"))
        .containsExactly("opsjournal_observations_consumed_total");
    assertThat(PromQlNames.of("label_values(namespace)")).isEmpty();
  }
}
