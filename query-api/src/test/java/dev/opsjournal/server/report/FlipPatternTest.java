package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsjournal.server.report.FlipPattern.Kind;
import dev.opsjournal.server.report.FlipPattern.Recovery;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.Sync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlipPatternTest {

  static final String DEV = "argocd/ops-journal-dev";
  static final String STAGING = "argocd/ops-journal-staging";
  static final String THIRD = "argocd/ops-journal-prod";
  static final Instant FIRST = Instant.parse("2026-11-18T09:05:03Z");

  @Test
  void givenTheGoldenWeeksFight_whenAnalysed_thenStagingIsSteadyAndDevBacksOffLikeSelfHeal() {
    // the shape of 2026-W47: staging's auto-sync takes both objects, then each side's self-heal
    // takes them back 10 times; staging within 1 s, dev after Argo CD's growing backoff
    List<Flip> flips = fight(true, 3, 6, 12, 24, 48, 96, 192, 290, 295, 299);

    List<Recovery> recoveries = FlipPattern.of(flips).orElseThrow();

    assertThat(recoveries)
        .containsExactly(
            new Recovery(STAGING, Kind.STEADY, Duration.ofSeconds(1), Duration.ofSeconds(1), true),
            new Recovery(DEV, Kind.BACKOFF, Duration.ofSeconds(3), Duration.ofSeconds(299), true));
    assertThat(Prose.duration(recoveries.get(0).longest())).isEqualTo("1 s");
    assertThat(Prose.about(recoveries.get(1).longest())).isEqualTo("about 5 min");
  }

  @Test
  void givenWaitsThatGrowAndShrink_whenAnalysed_thenTheyVary() {
    List<Flip> flips = fight(true, 30, 5, 60, 10);

    assertThat(FlipPattern.of(flips).orElseThrow())
        .extracting(Recovery::application, Recovery::kind)
        .containsExactly(tuple(STAGING, Kind.STEADY), tuple(DEV, Kind.VARYING));
  }

  @Test
  void givenABackoffNotAllBySelfHeal_whenAnalysed_thenItIsNotCalledSelfHeal() {
    List<Flip> flips = fight(false, 3, 6, 12);

    Recovery dev = FlipPattern.of(flips).orElseThrow().get(1);

    assertThat(dev.kind()).isEqualTo(Kind.BACKOFF);
    assertThat(dev.bySelfHeal()).isFalse();
  }

  @Test
  void givenFewerThanFiveChangesOfHands_whenAnalysed_thenThereIsNoPattern() {
    assertThat(FlipPattern.of(fight(true, 3))).isEmpty();
    assertThat(FlipPattern.of(fight(true, 3, 6).subList(0, 4))).isEmpty();
    assertThat(FlipPattern.of(fight(true, 3, 6))).isPresent();
  }

  @Test
  void givenThreeContenders_whenAnalysed_thenThereIsNoPattern() {
    List<Flip> flips = new ArrayList<>(fight(true, 3, 6, 12));
    Flip last = flips.get(flips.size() - 1);
    flips.add(new Flip(last.number() + 1, last.to(), THIRD, last.at().plusSeconds(5), null));

    assertThat(FlipPattern.of(flips)).isEmpty();
  }

  /**
   * Staging takes the object at {@link #FIRST} by auto-sync; then, per wait, dev takes it back
   * after that many seconds, and staging 1 s later.
   */
  private static List<Flip> fight(boolean devBySelfHeal, long... devWaits) {
    List<Flip> flips = new ArrayList<>();
    flips.add(new Flip(1, DEV, STAGING, FIRST, sync(STAGING, false)));
    Instant at = FIRST;
    for (long wait : devWaits) {
      at = at.plusSeconds(wait);
      flips.add(
          new Flip(
              flips.size() + 1,
              STAGING,
              DEV,
              at,
              devBySelfHeal || flips.size() < 3 ? sync(DEV, true) : manual(DEV)));
      at = at.plusSeconds(1);
      flips.add(new Flip(flips.size() + 1, DEV, STAGING, at, sync(STAGING, true)));
    }
    return flips;
  }

  private static Sync sync(String application, boolean partial) {
    return new Sync(
        application, "324f9b6", "automated", true, partial, "Succeeded", "", null, null);
  }

  private static Sync manual(String application) {
    return new Sync(application, "324f9b6", "alice", false, false, "Succeeded", "", null, null);
  }
}
