package dev.opsjournal.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A multi-source Application (a Helm chart first, a Git path second): every source is registered,
 * and each sync carries the revision of each source, the chart version apart from the commit.
 */
class ApplicationSourcesTest {

  private static final ResourceKey APP = ResourceKey.application("local", "argocd", "billing");
  private static final ArgoSource CHART =
      new ArgoSource("https://charts.example.com", "", "1.4.2", "billing", "");
  private static final ArgoSource GIT =
      new ArgoSource("https://git.example.com/team/platform.git", "apps/billing", "HEAD", "", "");
  private static final String SHA = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final Instant STARTED = Instant.parse("2026-11-16T10:05:05Z");
  private static final Instant SEEN = Instant.parse("2026-11-16T10:05:08.400Z");

  @Test
  void givenNothing_whenAMultiSourceApplicationHasSynced_thenEachSourceAndItsRevisionIsRecorded() {
    Spec spec =
        new Spec(
            "default",
            CHART.repoUrl(),
            "",
            "1.4.2",
            "billing",
            "https://kubernetes.default.svc",
            "",
            "billing",
            true,
            true,
            true,
            List.of(CHART, GIT));
    Operation op =
        new Operation(
            "Succeeded",
            "successfully synced (all tasks run)",
            "1.4.2",
            new Initiator("", true),
            List.of(),
            STARTED,
            STARTED.plusSeconds(3),
            List.of(),
            List.of("1.4.2", SHA));
    ApplicationObserved seen =
        new ApplicationObserved(
            APP,
            SEEN,
            WatchAction.ADDED,
            "uid-1",
            "1",
            null,
            null,
            spec,
            new Status(
                "Synced", "1.4.2", "Healthy", null, op, null, null, null, List.of("1.4.2", SHA)));
    List<SourceRevision> expected =
        List.of(
            new SourceRevision(CHART.repoUrl(), "1.4.2", "billing"),
            new SourceRevision(GIT.repoUrl(), SHA, ""));

    new AggregateTestFixture<>(Application.class)
        .givenNoPriorActivity()
        .when(new ObserveApplication(seen))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.sequenceOf(
                    Matchers.matches(
                        e ->
                            e instanceof ApplicationRegistered r
                                && r.source().sources().equals(List.of(CHART, GIT))
                                && r.source().gitSources().equals(List.of(GIT))),
                    Matchers.matches(
                        e -> e instanceof SyncStarted s && s.sources().equals(expected)),
                    Matchers.matches(
                        e -> e instanceof SyncCompleted c && c.sources().equals(expected)))));
    assertThat(expected).extracting(SourceRevision::commit).containsExactly(false, true);
  }

  @Test
  void aSingleSourceApplicationsSyncsCarryNoListOfSources() {
    assertThat(
            SourceRevision.pairedWith(
                new Spec("p", GIT.repoUrl(), "a", "HEAD", "", "", "", "", true, true, true)
                    .sources(),
                List.of()))
        .isEmpty();
  }
}
