package dev.opsjournal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScopeTest {

  private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");
  private static final Instant NEXT_MONDAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Scope WEEK = new Scope(MONDAY, NEXT_MONDAY, "prod");

  @Test
  void givenInstantsAroundTheScope_whenAskedWhetherContained_thenTheStartIsInAndTheEndIsOut() {
    assertThat(WEEK.contains(MONDAY)).isTrue();
    assertThat(WEEK.contains(NEXT_MONDAY.minusMillis(1))).isTrue();
    assertThat(WEEK.contains(NEXT_MONDAY)).isFalse();
    assertThat(WEEK.contains(MONDAY.minusMillis(1))).isFalse();
    assertThat(WEEK.contains(null)).isFalse();
  }

  @Test
  void givenAnInstantAtOrAfterTheEnd_whenKnown_thenItIsNotKnownYet() {
    assertThat(WEEK.known(MONDAY.minusSeconds(60))).isEqualTo(MONDAY.minusSeconds(60));
    assertThat(WEEK.known(NEXT_MONDAY.minusSeconds(1))).isEqualTo(NEXT_MONDAY.minusSeconds(1));
    assertThat(WEEK.known(NEXT_MONDAY)).isNull();
    assertThat(WEEK.known(null)).isNull();
  }

  @Test
  void givenAScope_whenBound_thenItsClusterAndInstantsAreTheParameters() {
    assertThat(WEEK.params().getValue("cluster")).isEqualTo("prod");
    assertThat(WEEK.params().getValue("start")).isEqualTo(java.sql.Timestamp.from(MONDAY));
    assertThat(new Scope(MONDAY, NEXT_MONDAY, null).params().getValue("cluster")).isNull();
    assertThat(Scope.inCluster("resource_key")).contains("split_part(resource_key, '/', 1)");
  }
}
