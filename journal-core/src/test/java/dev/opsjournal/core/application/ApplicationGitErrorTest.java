package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Application's ComparisonErrors that are Git errors become one Git error, raised and cleared.
 */
class ApplicationGitErrorTest {

  private static final ResourceKey APP = ResourceKey.application("local", "argocd", "billing-dev");
  private static final String UID = "7d0f2c1a-5b3e-4e8f-9a61-2c4d6e8f0a1b";
  private static final String REPO = "https://ci:ghp_s3cr3t@git.example.com/team/platform.git";
  private static final String REPO_SHOWN = "https://git.example.com/team/platform.git";
  private static final String REFUSED =
      "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code"
          + " = Unknown desc = failed to list refs: Get"
          + " \"https://ci:ghp_s3cr3t@git.example.com/team/platform.git/info/refs?service=git-upload-pack\":"
          + " dial tcp 10.0.0.5:443: connect: connection refused";
  private static final String TIMEOUT =
      "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code"
          + " = Unknown desc = failed to list refs: dial tcp 10.0.0.5:443: i/o timeout";
  private static final String KUSTOMIZE =
      "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code"
          + " = Unknown desc = `kustomize build <path>` failed exit status 1: Error: no such file";

  private static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");
  private static final Instant RAISED = Instant.parse("2026-11-18T10:03:30Z");
  private static final Instant CLEARED = Instant.parse("2026-11-18T10:21:10Z");

  private FixtureConfiguration<Application> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Application.class);
  }

  @Test
  void givenSyncedApp_whenAGitComparisonErrorAppears_thenGitErrorRaisedWithoutCredentials() {
    fixture
        .givenCommands(seen(T0, "Synced"))
        .when(seen(RAISED, "Unknown", new Condition("ComparisonError", REFUSED, RAISED)))
        .expectEvents(
            new SyncStatusChanged(APP, "Synced", "Unknown", "", "", RAISED),
            new ConditionRaised(APP, "ComparisonError", REFUSED, RAISED),
            new GitErrorRaised(
                APP,
                REPO_SHOWN,
                GitFailure.CONNECTION_REFUSED,
                REFUSED.replace("ci:ghp_s3cr3t@", ""),
                RAISED));
  }

  @Test
  void givenGitError_whenArgoCdRewordsIt_thenNoSecondRaise() {
    fixture
        .givenCommands(
            seen(T0, "Synced"),
            seen(RAISED, "Unknown", new Condition("ComparisonError", REFUSED, RAISED)))
        .when(
            seen(
                RAISED.plusSeconds(180),
                "Unknown",
                new Condition("ComparisonError", TIMEOUT, RAISED)))
        .expectEvents(
            new ConditionRaised(APP, "ComparisonError", TIMEOUT, RAISED.plusSeconds(180)),
            new ConditionCleared(APP, "ComparisonError", REFUSED, RAISED.plusSeconds(180)));
  }

  @Test
  void givenGitError_whenTheConditionIsGone_thenGitErrorCleared() {
    fixture
        .givenCommands(
            seen(T0, "Synced"),
            seen(RAISED, "Unknown", new Condition("ComparisonError", REFUSED, RAISED)))
        .when(seen(CLEARED, "Synced"))
        .expectEvents(
            new SyncStatusChanged(APP, "Unknown", "Synced", "", "", CLEARED),
            new ConditionCleared(APP, "ComparisonError", REFUSED, CLEARED),
            new GitErrorCleared(APP, REPO_SHOWN, CLEARED));
  }

  @Test
  void givenGitError_whenTheApplicationIsDeleted_thenGitErrorClearedFirst() {
    fixture
        .givenCommands(
            seen(T0, "Synced"),
            seen(RAISED, "Unknown", new Condition("ComparisonError", REFUSED, RAISED)))
        .when(observe(CLEARED, WatchAction.DELETED, "Unknown", List.of()))
        .expectEvents(
            new GitErrorCleared(APP, REPO_SHOWN, CLEARED),
            new ApplicationDeleted(APP, UID, CLEARED));
  }

  @Test
  void givenSyncedApp_whenAManifestGenerationErrorAppears_thenItIsOnlyACondition() {
    fixture
        .givenCommands(seen(T0, "Synced"))
        .when(seen(RAISED, "Unknown", new Condition("ComparisonError", KUSTOMIZE, RAISED)))
        .expectEvents(
            new SyncStatusChanged(APP, "Synced", "Unknown", "", "", RAISED),
            new ConditionRaised(APP, "ComparisonError", KUSTOMIZE, RAISED));
  }

  private static ObserveApplication seen(Instant at, String sync, Condition... conditions) {
    return observe(at, WatchAction.MODIFIED, sync, List.of(conditions));
  }

  private static ObserveApplication observe(
      Instant at, WatchAction action, String sync, List<Condition> conditions) {
    Spec spec =
        new Spec(
            "default",
            REPO,
            "apps/billing/overlays/dev",
            "HEAD",
            "",
            "https://kubernetes.default.svc",
            "in-cluster",
            "billing",
            true,
            true,
            true);
    return new ObserveApplication(
        new ApplicationObserved(
            APP,
            at,
            action,
            UID,
            String.valueOf(at.getEpochSecond()),
            Map.of(),
            Map.of(),
            spec,
            new Status(sync, "", "Healthy", at, null, conditions, List.of(), List.of())));
  }
}
