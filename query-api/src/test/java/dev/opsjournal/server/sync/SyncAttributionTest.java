package dev.opsjournal.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.sync.SyncAttribution.Bracket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncAttributionTest {

  private static final Instant SECOND = Instant.parse("2026-11-30T09:05:00Z");

  /** A full sync, then a self-heal started and finished in the same whole second. */
  private static final List<Bracket> SAME_SECOND =
      List.of(
          new Bracket(SECOND, SECOND, at(".100"), at(".400")),
          new Bracket(SECOND, SECOND, at(".600"), at(".900")));

  @Test
  void aWriteBelongsToTheSyncObservedRunningWhenItWasSeen() {
    assertThat(SyncAttribution.of(SAME_SECOND, at(".250"))).isZero();
    assertThat(SyncAttribution.of(SAME_SECOND, at(".700"))).isEqualTo(1);
  }

  @Test
  void theObservedEndsBelongToTheBracket() {
    assertThat(SyncAttribution.of(SAME_SECOND, at(".100"))).isZero();
    assertThat(SyncAttribution.of(SAME_SECOND, at(".400"))).isZero();
  }

  @Test
  void aWriteSeenBetweenTheBracketsFallsBackToTheWholeSecond() {
    assertThat(SyncAttribution.of(SAME_SECOND, at(".500"))).isEqualTo(1);
  }

  @Test
  void withoutObservedTimesTheLatestSyncHoldingItToTheSecondMadeIt() {
    List<Bracket> unobserved =
        List.of(new Bracket(SECOND, SECOND, null, null), new Bracket(SECOND, SECOND, null, null));
    assertThat(SyncAttribution.of(unobserved, at(".250"))).isEqualTo(1);
    // a sync that finished at 09:05:00Z really finished within 09:05:00.000-.999
    assertThat(SyncAttribution.of(unobserved.subList(0, 1), at(".999"))).isZero();
  }

  @Test
  void aStartObservedWithoutItsEndIsNoBracket() {
    List<Bracket> halfObserved = List.of(new Bracket(SECOND, SECOND, at(".100"), null));
    assertThat(SyncAttribution.of(halfObserved, at(".900"))).isZero();
    assertThat(SyncAttribution.of(halfObserved, SECOND.plusSeconds(1))).isEqualTo(-1);
  }

  @Test
  void aRunningSyncHoldsEverythingSeenSinceItStarted() {
    List<Bracket> running = List.of(new Bracket(SECOND, null, at(".100"), null));
    assertThat(SyncAttribution.of(running, SECOND.plusSeconds(30))).isZero();
    assertThat(SyncAttribution.of(running, SECOND.minusSeconds(1))).isEqualTo(-1);
  }

  @Test
  void aWriteOutsideAnySyncHasNone() {
    assertThat(SyncAttribution.of(SAME_SECOND, SECOND.plusSeconds(2))).isEqualTo(-1);
    assertThat(SyncAttribution.of(List.of(), SECOND)).isEqualTo(-1);
  }

  private static Instant at(String millis) {
    return Instant.parse("2026-11-30T09:05:00" + millis + "Z");
  }
}
