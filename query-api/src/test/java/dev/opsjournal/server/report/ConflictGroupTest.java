package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Flip;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictGroupTest {

  static final String DEV = "argocd/ops-journal-dev";
  static final String STAGING = "argocd/ops-journal-staging";
  static final String DEPLOYMENT = "local/apps/Deployment/ops-journal/ops-journal";
  static final String SERVICE = "local//Service/ops-journal/ops-journal";
  static final Instant STARTED = Instant.parse("2026-11-18T09:05:01Z");

  @Test
  void givenTheDeploymentAndServiceFoughtOverTogether_whenGrouped_thenTheyAreOneFight() {
    Conflict deployment = conflict(DEPLOYMENT, STARTED, STAGING);
    Conflict service = conflict(SERVICE, STARTED, STAGING);

    assertThat(ConflictGroup.of(List.of(deployment, service)))
        .containsExactly(
            new ConflictGroup(List.of(DEV, STAGING), STARTED, List.of(deployment, service)));
  }

  @Test
  void givenTheSameApplicationsFightingAtAnotherTime_whenGrouped_thenItIsAnotherFight() {
    Conflict first = conflict(DEPLOYMENT, STARTED, STAGING);
    Conflict later = conflict(SERVICE, STARTED.plusSeconds(3600), STAGING);

    assertThat(ConflictGroup.of(List.of(first, later)))
        .extracting(ConflictGroup::conflicts)
        .containsExactly(List.of(first), List.of(later));
  }

  @Test
  void givenConditions_whenAskedWhichWarnOfTheFight_thenOnlyItsApplicationsSharedResourceWarning() {
    ConflictGroup fight = ConflictGroup.of(List.of(conflict(DEPLOYMENT, STARTED, STAGING))).get(0);

    assertThat(fight.warnedBy(condition(DEV, "SharedResourceWarning"))).isTrue();
    assertThat(fight.warnedBy(condition(DEV, "ComparisonError"))).isFalse();
    assertThat(fight.warnedBy(condition("argocd/other", "SharedResourceWarning"))).isFalse();
  }

  @Test
  void givenHolders_whenAskedForTheCommonOne_thenOnlyOneNonEmptyHolderCounts() {
    assertThat(
            ConflictGroup.commonHolder(
                List.of(
                    conflict(DEPLOYMENT, STARTED, STAGING), conflict(SERVICE, STARTED, STAGING))))
        .contains(STAGING);
    assertThat(
            ConflictGroup.commonHolder(
                List.of(conflict(DEPLOYMENT, STARTED, STAGING), conflict(SERVICE, STARTED, DEV))))
        .isEmpty();
    assertThat(ConflictGroup.commonHolder(List.of(conflict(DEPLOYMENT, STARTED, "")))).isEmpty();
  }

  @Test
  void givenFlips_whenATenureStarts_thenItIsContestedOnlyBetweenTheFirstAndLastChangeOfHands() {
    Instant first = Instant.parse("2026-11-18T09:05:03Z");
    Instant last = Instant.parse("2026-11-18T09:34:07Z");
    Conflict c =
        withFlips(
            List.of(
                new Flip(1, DEV, STAGING, first, null), new Flip(21, DEV, STAGING, last, null)));

    assertThat(ConflictGroup.contested(c, first)).isTrue();
    assertThat(ConflictGroup.contested(c, last)).isTrue();
    assertThat(ConflictGroup.contested(c, first.minusSeconds(1))).isFalse();
    assertThat(ConflictGroup.contested(c, last.plusSeconds(1))).isFalse();
    assertThat(ConflictGroup.contested(withFlips(List.of()), first)).isFalse();
    assertThat(ConflictGroup.lastFlipAt(c)).isEqualTo(last);
    assertThat(ConflictGroup.lastFlipAt(withFlips(List.of()))).isNull();
  }

  @Test
  void givenObjectsThatChangedHandsTogether_whenCompared_thenTheyChangedHandsAlike() {
    Instant monday = Instant.parse("2026-11-16T00:00:00Z");
    List<Flip> flips =
        List.of(
            new Flip(1, DEV, STAGING, Instant.parse("2026-11-18T09:05:03Z"), null),
            new Flip(2, STAGING, DEV, Instant.parse("2026-11-18T09:05:06Z"), null));
    Conflict deployment = withFlips(DEPLOYMENT, flips);
    Conflict service = withFlips(SERVICE, flips);
    Conflict sooner = withFlips(SERVICE, flips.subList(0, 1));

    assertThat(
            new ConflictGroup(List.of(DEV, STAGING), STARTED, List.of(deployment, service))
                .changedHandsAlike(monday))
        .isTrue();
    assertThat(
            new ConflictGroup(List.of(DEV, STAGING), STARTED, List.of(deployment, sooner))
                .changedHandsAlike(monday))
        .isFalse();
  }

  private static Conflict conflict(String resource, Instant startedAt, String holder) {
    return new Conflict(
        resource,
        List.of(DEV, STAGING),
        startedAt,
        null,
        null,
        null,
        holder,
        List.of(),
        List.of(DEV, STAGING));
  }

  private static Conflict withFlips(List<Flip> flips) {
    return withFlips(DEPLOYMENT, flips);
  }

  private static Conflict withFlips(String resource, List<Flip> flips) {
    return new Conflict(
        resource, List.of(DEV, STAGING), STARTED, null, null, null, STAGING, flips, List.of());
  }

  private static Condition condition(String application, String type) {
    return new Condition(application, type, "", STARTED, null);
  }
}
