package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Spec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutageEffectsTest {

  static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
  static final String DEV = "argocd/ops-journal-dev";
  static final String OTHER = "argocd/other";
  static final Outage CONTROLLER =
      new Outage(
          WeekData.CONTROLLER,
          "local",
          at("2026-11-19T10:00:00Z"),
          at("2026-11-19T10:10:00Z"),
          at("2026-11-19T10:30:00Z"),
          "");
  static final Outage GIT =
      new Outage(
          "git-source",
          "https://git.example.com/platform.git#main",
          at("2026-11-19T15:00:30Z"),
          at("2026-11-19T15:00:30Z"),
          at("2026-11-19T15:20:30Z"),
          "fetch failed: connection refused (git.example.com:443)");

  final OutageEffects outages =
      new OutageEffects(
          List.of(CONTROLLER, GIT),
          END,
          Stream.of(
              spec(DEV, "https://git.example.com/Platform/"),
              spec(OTHER, "https://git.example.com/other.git")));

  @Test
  void givenAControllerOutage_whenAConditionIsRaisedDuringIt_thenItExplainsItOnAnyApplication() {
    assertThat(outages.explains(CONTROLLER, condition(OTHER, "2026-11-19T10:05:00Z"))).isTrue();
    assertThat(outages.explains(CONTROLLER, condition(OTHER, "2026-11-19T10:31:00Z"))).isFalse();
  }

  @Test
  void
      givenAGitOutage_whenAConditionIsRaisedDuringIt_thenItExplainsItOnlyWhereThatRepositoryIsUsed() {
    // the golden week: ComparisonError from Thu 15:01:00, while platform.git could not be fetched
    assertThat(outages.explains(GIT, condition(DEV, "2026-11-19T15:01:00Z"))).isTrue();
    assertThat(outages.explains(GIT, condition(OTHER, "2026-11-19T15:01:00Z"))).isFalse();
    assertThat(outages.explains(GIT, condition(DEV, "2026-11-19T15:21:00Z"))).isFalse();
  }

  @Test
  void givenAnOpenOutage_whenOverlapsAreAsked_thenItLastsToTheEndOfTheWeek() {
    Outage open =
        new Outage(WeekData.CONTROLLER, "local", at("2026-11-21T08:00:00Z"), null, null, "");

    assertThat(outages.overlaps(open, at("2026-11-22T23:00:00Z"), null)).isTrue();
    assertThat(outages.overlaps(open, at("2026-11-20T08:00:00Z"), at("2026-11-21T07:59:59Z")))
        .isFalse();
  }

  @Test
  void
      givenADriftInTheCluster_whenItsControllerOutagesAreAsked_thenOnlyOverlappingOnesInItsCluster() {
    String deployment = "local/apps/Deployment/ops-journal/ops-journal";
    String elsewhere = "prod/apps/Deployment/ops-journal/ops-journal";

    assertThat(
            outages.controllerOutages(
                deployment, at("2026-11-19T10:10:00Z"), at("2026-11-19T10:31:00Z")))
        .containsExactly(CONTROLLER);
    assertThat(
            outages.controllerOutages(
                elsewhere, at("2026-11-19T10:10:00Z"), at("2026-11-19T10:31:00Z")))
        .isEmpty();
    assertThat(
            outages.controllerOutages(
                deployment, at("2026-11-19T10:30:00Z"), at("2026-11-19T10:40:00Z")))
        .isEmpty();
  }

  @Test
  void givenDriftsDuringAControllerOutage_whenAsked_thenThoseInItsClusterWaitedForIt() {
    // the golden week: the drift of Thu 10:10:00 waited for the controller, down 10:00-10:30
    Drift waited = drift("local/apps/Deployment/ops-journal/ops-journal", "2026-11-19T10:10:00Z");
    Drift before = drift("local//Service/ops-journal/ops-journal", "2026-11-17T14:00:00Z");
    Drift elsewhere = drift("prod/apps/Deployment/ops-journal/ops-journal", "2026-11-19T10:10:00Z");

    assertThat(outages.heldUp(CONTROLLER, List.of(waited, before, elsewhere)))
        .containsExactly(waited);
  }

  @Test
  void givenOutages_whenNamed_thenTheControllerByClusterAndGitBySource() {
    assertThat(OutageEffects.name(CONTROLLER))
        .isEqualTo("Argo CD's controller down in cluster `local`");
    assertThat(OutageEffects.name(GIT))
        .isEqualTo("`https://git.example.com/platform.git` branch `main` unavailable");
  }

  /**
   * Issue 11: "the controller was down from 09:59:59 to 10:34:16; self-heal put it back at
   * 10:31:00". A self-heal is the controller at work: no sentence may keep it down past it.
   */
  @Test
  void givenASelfHealInsideAControllerOutage_whenEnded_thenTheOutageEndsNoLaterThanIt() {
    Outage late =
        new Outage(
            WeekData.CONTROLLER,
            "local",
            at("2026-11-19T09:59:59Z"),
            at("2026-11-19T10:09:00Z"),
            at("2026-11-19T10:34:16Z"),
            "");
    Drift healed = corrected("local/apps/Deployment/shop/web", "2026-11-19T10:31:00Z", "SELF_HEAL");
    Drift byHand = corrected("local/apps/Deployment/shop/api", "2026-11-19T10:20:00Z", "REVERTED");
    Drift elsewhere =
        corrected("prod/apps/Deployment/shop/web", "2026-11-19T10:15:00Z", "SELF_HEAL");

    List<Outage> ended =
        OutageEffects.endedByTheController(List.of(late, GIT), List.of(byHand, elsewhere, healed));

    assertThat(ended.get(0).endedAt()).isEqualTo(at("2026-11-19T10:31:00Z"));
    assertThat(ended.get(0).startedAt()).isEqualTo(late.startedAt());
    assertThat(ended.get(1)).isEqualTo(GIT);
    assertThat(OutageEffects.endedByTheController(List.of(CONTROLLER), List.of(healed)))
        .as("a correction after the outage changes nothing")
        .containsExactly(CONTROLLER);
  }

  private static Drift corrected(String resource, String correctedAt, String correction) {
    Instant at = at(correctedAt);
    return new Drift(
        resource,
        DEV,
        "FIELD",
        "kubectl",
        List.of(),
        Map.of(),
        at("2026-11-19T10:10:00Z"),
        at,
        correction,
        "",
        null);
  }

  private static Drift drift(String resource, String startedAt) {
    Instant start = at(startedAt);
    return new Drift(
        resource,
        DEV,
        "FIELD",
        "kubectl",
        List.of(),
        Map.of(),
        start,
        start.plusSeconds(60),
        "SELF_HEAL",
        "",
        null);
  }

  private static Condition condition(String application, String raisedAt) {
    return new Condition(application, "ComparisonError", "", at(raisedAt), null);
  }

  private static Spec spec(String application, String repoUrl) {
    return new Spec(application, repoUrl, "apps", "HEAD", "", "in-cluster", "ns", true, true, true);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
