package dev.opsjournal.core.source;

import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code platform} repository's main branch through week 02. */
class GitSourceTest {

  private static final String REPO = "https://git.example.com/team/platform.git";
  private static final String SOURCE = REPO + "#main";

  private static final String C1 = "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e";
  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final String C3 = "3a1f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29";
  private static final String C3_REWRITTEN = "3f00d1e2c3b4a5968778695a4b3c2d1e0f9a8b7c";

  private static final Person ALICE =
      new Person("alice", "alice@example.com", Instant.parse("2026-11-16T09:00:00Z"));
  private static final Person BOB =
      new Person("bob", "bob@example.com", Instant.parse("2026-11-16T10:00:00Z"));

  private static final Map<String, List<String>> KUSTOMIZATIONS =
      Map.of(
          "apps/ops-journal/overlays/dev", List.of("apps/ops-journal/base"),
          "apps/ops-journal/overlays/staging", List.of("apps/ops-journal/base"),
          "apps/ops-journal/overlays/prod", List.of("apps/ops-journal/base"));

  private static final Map<String, ApplicationSource> DEV_REGISTERED =
      Map.of(
          "argocd/ops-journal-dev",
          new ApplicationSource(
              REPO,
              "apps/ops-journal/overlays/dev",
              "HEAD",
              "",
              "https://kubernetes.default.svc",
              "in-cluster",
              "ops-journal",
              "default"));

  private FixtureConfiguration<GitSource> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(GitSource.class);
  }

  @Test
  void givenNothing_whenAlicesFirstCommitIsSeenBeforeAnyApplication_thenRecordedAffectingNone() {
    CommitObserved c1 = c1();
    fixture
        .givenNoPriorActivity()
        .when(new RecordCommit(c1, Map.of()))
        .expectEvents(
            new CommitRecorded(
                SOURCE,
                REPO,
                "main",
                C1,
                List.of(),
                ALICE,
                ALICE,
                "ops-journal: base and overlays",
                c1.changedPaths(),
                List.of(),
                c1.observedAt()));
  }

  @Test
  void givenDevRegistered_whenACommitChangesTheBase_thenRecordedWithTheApplicationsItReaches() {
    Instant seen = Instant.parse("2026-11-17T08:00:30Z");
    Person carol = new Person("carol", "carol@example.com", seen.minusSeconds(30));
    Person committer = new Person("GitHub", "noreply@github.com", seen.minusSeconds(20));
    List<ChangedPath> paths =
        List.of(new ChangedPath("MODIFY", "apps/ops-journal/base/deployment.yaml", null));
    CommitObserved commit =
        new CommitObserved(
            REPO,
            "main",
            true,
            seen,
            C3,
            List.of(C2),
            carol,
            committer,
            "base: raise memory limit",
            paths,
            KUSTOMIZATIONS);
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(new RecordCommit(commit, DEV_REGISTERED))
        .expectEvents(
            new CommitRecorded(
                SOURCE,
                REPO,
                "main",
                C3,
                List.of(C2),
                carol,
                committer,
                "base: raise memory limit",
                paths,
                List.of("argocd/ops-journal-dev"),
                seen));
  }

  @Test
  void givenDevRegistered_whenBobsCommitOnlyAddsAnApplicationManifest_thenRecordedAffectingNone() {
    Instant seen = Instant.parse("2026-11-16T10:00:30Z");
    List<ChangedPath> paths =
        List.of(new ChangedPath("ADD", "platform/gitops/ops-journal-dev-app.yaml", null));
    CommitObserved c2 =
        new CommitObserved(
            REPO,
            "main",
            true,
            seen,
            C2,
            List.of(C1),
            BOB,
            null,
            "gitops: ops-journal-dev Application",
            paths,
            KUSTOMIZATIONS);
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(new RecordCommit(c2, DEV_REGISTERED))
        .expectEvents(
            new CommitRecorded(
                SOURCE,
                REPO,
                "main",
                C2,
                List.of(C1),
                BOB,
                BOB,
                "gitops: ops-journal-dev Application",
                paths,
                List.of(),
                seen));
  }

  @Test
  void givenCommitRecorded_whenTheSameShaIsDeliveredAgain_thenNoEvents() {
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(new RecordCommit(c1(), DEV_REGISTERED))
        .expectNoEvents();
  }

  @Test
  void givenSourceAvailable_whenFetchFails_thenSourceUnavailable() {
    Instant at = Instant.parse("2026-11-19T15:00:00Z");
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(new ObserveSourceAvailability(SOURCE, false, "connection refused", at))
        .expectEvents(new SourceUnavailable(SOURCE, "connection refused", at));
  }

  @Test
  void givenSourceUnavailable_whenFetchFailsAgain_thenNoSecondEvent() {
    Instant at = Instant.parse("2026-11-19T15:00:00Z");
    fixture
        .givenCommands(new ObserveSourceAvailability(SOURCE, false, "connection refused", at))
        .when(
            new ObserveSourceAvailability(
                SOURCE, false, "connection timed out", at.plusSeconds(60)))
        .expectNoEvents();
  }

  @Test
  void
      givenSourceUnavailableSinceThree_whenFetchSucceedsAtTwenty_thenRecoveredAfterTwentyMinutes() {
    Instant down = Instant.parse("2026-11-19T15:00:00Z");
    Instant up = Instant.parse("2026-11-19T15:20:00Z");
    fixture
        .givenCommands(new ObserveSourceAvailability(SOURCE, false, "connection refused", down))
        .when(new ObserveSourceAvailability(SOURCE, true, "", up))
        .expectEvents(new SourceRecovered(SOURCE, down, Duration.ofMinutes(20), up));
  }

  @Test
  void givenSourceAvailable_whenFetchSucceeds_thenNoEvents() {
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(
            new ObserveSourceAvailability(SOURCE, true, "", Instant.parse("2026-11-19T15:20:00Z")))
        .expectNoEvents();
  }

  @Test
  void givenSourceRecovered_whenFetchSucceedsAgain_thenNoSecondRecovery() {
    Instant down = Instant.parse("2026-11-19T15:00:00Z");
    Instant up = Instant.parse("2026-11-19T15:20:00Z");
    fixture
        .givenCommands(
            new ObserveSourceAvailability(SOURCE, false, "connection refused", down),
            new ObserveSourceAvailability(SOURCE, true, "", up))
        .when(new ObserveSourceAvailability(SOURCE, true, "", up.plusSeconds(60)))
        .expectNoEvents();
  }

  @Test
  void givenSourceRecovered_whenALateFailureFromTheOutageArrives_thenNoEvents() {
    Instant down = Instant.parse("2026-11-19T15:00:00Z");
    Instant up = Instant.parse("2026-11-19T15:20:00Z");
    fixture
        .givenCommands(
            new ObserveSourceAvailability(SOURCE, false, "connection refused", down),
            new ObserveSourceAvailability(SOURCE, true, "", up))
        .when(
            new ObserveSourceAvailability(
                SOURCE, false, "connection refused", Instant.parse("2026-11-19T15:10:00Z")))
        .expectNoEvents();
  }

  @Test
  void givenCommits_whenAForcePushIsSeen_thenHistoryRewritten() {
    Instant at = Instant.parse("2026-11-19T09:30:00Z");
    fixture
        .givenCommands(new RecordCommit(c1(), Map.of()))
        .when(
            new RecordHistoryRewrite(
                new HistoryRewriteObserved(REPO, "main", at, C3, C3_REWRITTEN, List.of(C3))))
        .expectEvents(new HistoryRewritten(SOURCE, C3, C3_REWRITTEN, List.of(C3), at));
  }

  @Test
  void givenHistoryRewritten_whenTheSameForcePushIsDeliveredAgain_thenNoEvents() {
    Instant at = Instant.parse("2026-11-19T09:30:00Z");
    fixture
        .givenCommands(
            new RecordHistoryRewrite(
                new HistoryRewriteObserved(REPO, "main", at, C3, C3_REWRITTEN, List.of(C3))))
        .when(
            new RecordHistoryRewrite(
                new HistoryRewriteObserved(
                    REPO, "main", at.plusSeconds(5), C3, C3_REWRITTEN, List.of(C3))))
        .expectNoEvents();
  }

  private static CommitObserved c1() {
    return new CommitObserved(
        REPO,
        "main",
        true,
        Instant.parse("2026-11-16T09:00:30Z"),
        C1,
        List.of(),
        ALICE,
        null,
        "ops-journal: base and overlays",
        List.of(
            new ChangedPath("ADD", "apps/ops-journal/base/kustomization.yaml", null),
            new ChangedPath("ADD", "apps/ops-journal/base/deployment.yaml", null),
            new ChangedPath("ADD", "apps/ops-journal/overlays/dev/kustomization.yaml", null)),
        KUSTOMIZATIONS);
  }
}
