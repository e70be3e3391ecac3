package dev.opsjournal.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.replay.Timeline.Commit;
import dev.opsjournal.collectors.replay.Timeline.Heartbeat;
import dev.opsjournal.collectors.replay.Timeline.Publish;
import dev.opsjournal.collectors.replay.Timeline.Reveal;
import dev.opsjournal.collectors.replay.Timeline.Skip;
import dev.opsjournal.collectors.replay.Timeline.Step;
import dev.opsjournal.collectors.replay.Timeline.Watched;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final ResourceKey DEV = ResourceKey.application("local", "argocd", "shop-dev");
  private static final ResourceKey WEB =
      ResourceKey.of("local", "apps", "Deployment", "shop", "web");

  @Test
  void givenNothing_whenMerged_thenNoStepAndNoHeartbeat() {
    assertThat(Timeline.of(List.of(), List.of())).isEmpty();
  }

  @Test
  void givenACommitBetweenTwoWatchEvents_whenMerged_thenItIsRevealedThirtySecondsAfterItsTime() {
    Observation first = resource("09:01:00");
    Observation second = resource("09:02:00");
    List<Step> steps =
        Timeline.of(
            List.of(watched("09:01:00", first), watched("09:02:00", second)),
            List.of(new Commit("c1", at("09:01:10"))));

    assertThat(steps)
        .containsExactly(
            new Publish(at("09:01:00"), first, false),
            new Reveal(at("09:01:40"), "c1"),
            new Publish(at("09:02:00"), second, false));
  }

  @Test
  void givenATie_whenMerged_thenTheCommitComesFirstAndEachSideKeepsItsOwnOrder() {
    Observation a = resource("09:01:30");
    Observation b = resource("09:01:30");
    List<Step> steps =
        Timeline.of(
            List.of(watched("09:01:30", a), watched("09:01:30", b)),
            List.of(new Commit("c1", at("09:01:00")), new Commit("c2", at("09:01:00"))));

    assertThat(steps)
        .containsExactly(
            new Reveal(at("09:01:30"), "c1"),
            new Reveal(at("09:01:30"), "c2"),
            new Publish(at("09:01:30"), a, false),
            new Publish(at("09:01:30"), b, false));
  }

  @Test
  void givenACaptureOutOfOrder_whenMerged_thenStepsAreInRecordedTime() {
    Observation late = resource("09:03:00");
    Observation early = resource("09:02:00");
    assertThat(
            Timeline.of(List.of(watched("09:03:00", late), watched("09:02:00", early)), List.of()))
        .extracting(Step::at)
        .containsExactly(at("09:02:00"), at("09:03:00"));
  }

  @Test
  void givenAGap_whenMerged_thenAHeartbeatFallsOnEveryFiveMinuteBoundaryInIt() {
    Observation first = resource("09:00:30");
    Observation second = resource("09:17:00");
    Observation last = resource("09:20:00");
    List<Step> steps =
        Timeline.of(
            List.of(
                watched("09:00:30", first), watched("09:17:00", second), watched("09:20:00", last)),
            List.of());

    assertThat(steps)
        .containsExactly(
            new Publish(at("09:00:30"), first, false),
            new Heartbeat(at("09:05:00"), null),
            new Heartbeat(at("09:10:00"), null),
            new Heartbeat(at("09:15:00"), null),
            new Publish(at("09:17:00"), second, false),
            // a boundary at a step's own time comes after it, the last one included
            new Publish(at("09:20:00"), last, false),
            new Heartbeat(at("09:20:00"), null));
  }

  @Test
  void givenApplications_whenMerged_thenEachHeartbeatCarriesTheNewestReconciledAtBeforeIt() {
    ApplicationObserved synced = application("09:01:00", "Synced", "09:00:50");
    ApplicationObserved older = application("09:06:00", "OutOfSync", "08:59:00");
    ApplicationObserved newer = application("09:12:00", "Synced", "09:11:00");
    List<Step> steps =
        Timeline.of(
            List.of(
                watched("09:01:00", synced),
                watched("09:06:00", older),
                watched("09:12:00", newer)),
            List.of());

    assertThat(steps)
        .filteredOn(Heartbeat.class::isInstance)
        .containsExactly(
            new Heartbeat(at("09:05:00"), at("09:00:50")),
            // an older reconciledAt seen later does not take the clock back
            new Heartbeat(at("09:10:00"), at("09:00:50")));
  }

  @Test
  void givenAnApplicationWhoseReconciledAtAloneMoved_whenMerged_thenItIsARefresh() {
    ApplicationObserved synced = application("09:01:00", "Synced", "09:00:00");
    ApplicationObserved refreshed = application("09:02:00", "Synced", "09:02:00");
    ApplicationObserved outOfSync = application("09:03:00", "OutOfSync", "09:03:00");
    List<Step> steps =
        Timeline.of(
            List.of(
                watched("09:01:00", synced),
                watched("09:02:00", refreshed),
                watched("09:03:00", outOfSync)),
            List.of());

    assertThat(steps)
        .containsExactly(
            new Publish(at("09:01:00"), synced, false),
            new Publish(at("09:02:00"), refreshed, true),
            new Publish(at("09:03:00"), outOfSync, false));
  }

  @Test
  void givenAWatchEventWithNothingToJournal_whenMerged_thenItIsSkippedButStillMarksTime() {
    Observation first = resource("09:01:00");
    List<Step> steps =
        Timeline.of(
            List.of(watched("09:01:00", first), new Watched(at("09:06:00"), Optional.empty())),
            List.of());

    assertThat(steps)
        .containsExactly(
            new Publish(at("09:01:00"), first, false),
            new Heartbeat(at("09:05:00"), null),
            new Skip(at("09:06:00")));
  }

  @Test
  void givenCommitsOnly_whenMerged_thenHeartbeatsSpanThem() {
    List<Step> steps =
        Timeline.of(
            List.of(), List.of(new Commit("c1", at("09:00:00")), new Commit("c2", at("09:09:30"))));

    assertThat(steps)
        .containsExactly(
            new Reveal(at("09:00:30"), "c1"),
            new Heartbeat(at("09:05:00"), null),
            new Reveal(at("09:10:00"), "c2"),
            new Heartbeat(at("09:10:00"), null));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-16T" + time + "Z");
  }

  private static Watched watched(String time, Observation observation) {
    return new Watched(at(time), Optional.of(observation));
  }

  private static ResourceObserved resource(String time) {
    return new ResourceObserved(
        WEB,
        at(time),
        WatchAction.MODIFIED,
        "u-web",
        time,
        1,
        Map.of(),
        Map.of(),
        List.of(),
        "spec-" + time,
        Map.of());
  }

  private static ApplicationObserved application(String time, String sync, String reconciled) {
    return new ApplicationObserved(
        DEV,
        at(time),
        WatchAction.MODIFIED,
        "u-dev",
        time,
        Map.of(),
        Map.of(),
        null,
        new Status(sync, "abc", "Healthy", at(reconciled), null, null, null, null));
  }
}
