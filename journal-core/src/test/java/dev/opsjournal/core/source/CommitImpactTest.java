package dev.opsjournal.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Applications a commit to the {@code platform} repository of week 02 reaches. */
class CommitImpactTest {

  private static final String REPO = "https://git.example.com/team/platform.git";
  private static final String BASE = "apps/ops-journal/base";
  private static final String DEV_PATH = "apps/ops-journal/overlays/dev";
  private static final String STAGING_PATH = "apps/ops-journal/overlays/staging";
  private static final String PROD_PATH = "apps/ops-journal/overlays/prod";
  private static final String DEV = "argocd/ops-journal-dev";
  private static final String STAGING = "argocd/ops-journal-staging";
  private static final String PROD = "argocd/ops-journal-prod";

  /** Every overlay's kustomization.yaml has {@code resources: [../../base]}. */
  private static final Map<String, List<String>> KUSTOMIZATIONS =
      Map.of(
          DEV_PATH, List.of(BASE),
          STAGING_PATH, List.of(BASE),
          PROD_PATH, List.of(BASE),
          BASE, List.of());

  private static final Map<String, ApplicationSource> OVERLAY_APPS =
      Map.of(
          DEV, source(REPO, DEV_PATH, "HEAD"),
          STAGING, source(REPO, STAGING_PATH, "main"),
          PROD, source(REPO, PROD_PATH, "main"));

  @Test
  void givenThreeOverlaysOfOneBase_whenOnlyTheBaseChanges_thenEveryOverlayIsReached() {
    CommitObserved commit = commit("main", modify(BASE + "/deployment.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS))
        .containsExactly(DEV, PROD, STAGING);
  }

  @Test
  void givenThreeOverlays_whenOnlyTheStagingOverlayChanges_thenOnlyStagingIsReached() {
    CommitObserved commit = commit("main", modify(STAGING_PATH + "/kustomization.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS)).containsExactly(STAGING);
  }

  @Test
  void
      givenOverlayApplications_whenOnlyApplicationManifestsUnderPlatformGitopsChange_thenNoneIsReached() {
    CommitObserved commit = commit("main", add("platform/gitops/ops-journal-staging-app.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS)).isEmpty();
  }

  @Test
  void givenNoApplicationYet_whenTheFirstCommitAddsBaseAndOverlays_thenItReachesNone() {
    CommitObserved c1 =
        commit(
            "main",
            add(BASE + "/kustomization.yaml"),
            add(BASE + "/deployment.yaml"),
            add(BASE + "/service.yaml"),
            add(DEV_PATH + "/kustomization.yaml"),
            add(STAGING_PATH + "/kustomization.yaml"),
            add(PROD_PATH + "/kustomization.yaml"));

    assertThat(CommitImpact.affectedApplications(c1, Map.of())).isEmpty();
  }

  @Test
  void
      givenAnOverlayWhoseNameExtendsAnother_whenOnlyThatOverlayChanges_thenTheShorterOneIsNotReached() {
    CommitObserved commit = commit("main", modify("apps/ops-journal/overlays/dev-eu/patch.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS)).isEmpty();
  }

  @Test
  void
      givenBaseReferringToAComponent_whenOnlyTheComponentChanges_thenOverlaysAreReachedTransitively() {
    Map<String, List<String>> kustomizations =
        Map.of(
            DEV_PATH,
            List.of(BASE),
            BASE,
            List.of("components/observability"),
            "components/observability",
            List.of());
    CommitObserved commit =
        commit(
            "main",
            kustomizations,
            new ChangedPath("MODIFY", "components/observability/servicemonitor.yaml", null));

    assertThat(
            CommitImpact.affectedApplications(commit, Map.of(DEV, source(REPO, DEV_PATH, "main"))))
        .containsExactly(DEV);
  }

  @Test
  void
      givenKustomizationsReferringToEachOther_whenAnUnrelatedPathChanges_thenTheWalkEndsAndNothingIsReached() {
    Map<String, List<String>> cyclic = Map.of(DEV_PATH, List.of(BASE), BASE, List.of(DEV_PATH));
    CommitObserved commit = commit("main", cyclic, modify("docs/README.md"));

    assertThat(
            CommitImpact.affectedApplications(commit, Map.of(DEV, source(REPO, DEV_PATH, "main"))))
        .isEmpty();
  }

  @Test
  void
      givenKustomizationReferencesWrittenWithDotSlashAndTrailingSlash_whenBaseChanges_thenReached() {
    Map<String, List<String>> kustomizations = Map.of(DEV_PATH, List.of("./" + BASE + "/"));
    CommitObserved commit = commit("main", kustomizations, modify(BASE + "/service.yaml"));

    assertThat(
            CommitImpact.affectedApplications(
                commit, Map.of(DEV, source(REPO, "./" + DEV_PATH + "/", "main"))))
        .containsExactly(DEV);
  }

  @Test
  void givenOverlays_whenAFileIsRenamedOutOfTheBase_thenTheOldPathStillReachesThem() {
    CommitObserved commit =
        commit(
            "main",
            new ChangedPath("RENAME", "archive/ops-journal/service.yaml", BASE + "/service.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS))
        .containsExactly(DEV, PROD, STAGING);
  }

  @Test
  void givenOverlays_whenAFileIsRenamedIntoTheDevOverlay_thenTheNewPathReachesDev() {
    CommitObserved commit =
        commit(
            "main", new ChangedPath("RENAME", DEV_PATH + "/replicas.yaml", "drafts/replicas.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, OVERLAY_APPS)).containsExactly(DEV);
  }

  @Test
  void givenTheSameRepositoryWrittenDifferently_whenBaseChanges_thenEveryFormIsTheSameRepository() {
    Map<String, ApplicationSource> apps =
        Map.of(
            "argocd/no-suffix", source("https://git.example.com/team/platform", DEV_PATH, "main"),
            "argocd/trailing-slash",
                source("https://git.example.com/team/platform/", DEV_PATH, "main"),
            "argocd/suffix-and-slash",
                source("https://git.example.com/team/platform.git/", DEV_PATH, "main"),
            "argocd/upper-case",
                source("https://git.example.com/Team/Platform.git", DEV_PATH, "main"),
            "argocd/other-repo",
                source("https://git.example.com/team/platform-infra.git", DEV_PATH, "main"));
    CommitObserved commit = commit("main", modify(BASE + "/deployment.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, apps))
        .containsExactly(
            "argocd/no-suffix",
            "argocd/suffix-and-slash",
            "argocd/trailing-slash",
            "argocd/upper-case");
  }

  @Test
  void
      givenApplicationsTargetingDifferentRevisions_whenACommitLandsOnMain_thenDefaultBranchAndMainAreReached() {
    Map<String, ApplicationSource> apps =
        Map.of(
            "argocd/head", source(REPO, DEV_PATH, "HEAD"),
            "argocd/empty", source(REPO, DEV_PATH, ""),
            "argocd/main", source(REPO, DEV_PATH, "main"),
            "argocd/refs-heads-main", source(REPO, DEV_PATH, "refs/heads/main"),
            "argocd/release", source(REPO, DEV_PATH, "release-1"),
            "argocd/pinned-sha",
                source(REPO, DEV_PATH, "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e"));
    CommitObserved commit = commit("main", modify(DEV_PATH + "/kustomization.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, apps))
        .containsExactly("argocd/empty", "argocd/head", "argocd/main", "argocd/refs-heads-main");
  }

  @Test
  void
      givenApplicationsTargetingHeadMainAndRelease_whenACommitLandsOnTheReleaseBranch_thenOnlyReleaseIsReached() {
    Map<String, ApplicationSource> apps =
        Map.of(
            "argocd/head", source(REPO, DEV_PATH, "HEAD"),
            "argocd/main", source(REPO, DEV_PATH, "main"),
            "argocd/release", source(REPO, DEV_PATH, "release-1"));
    CommitObserved commit = commit("release-1", modify(DEV_PATH + "/kustomization.yaml"));

    assertThat(CommitImpact.affectedApplications(commit, apps)).containsExactly("argocd/release");
  }

  @Test
  void
      givenAMultiSourceApplicationWhoseGitPathIsItsSecondSource_whenThatPathChanges_thenItIsReached() {
    ApplicationSource chartFirst =
        new ApplicationSource(
            "https://charts.example.com",
            "",
            "1.4.2",
            "ops-journal",
            "https://kubernetes.default.svc",
            "",
            "ops-journal",
            "default",
            List.of(
                new ArgoSource("https://charts.example.com", "", "1.4.2", "ops-journal", ""),
                new ArgoSource(REPO, DEV_PATH, "HEAD", "", "")));
    Map<String, ApplicationSource> apps = Map.of("argocd/multi", chartFirst);

    assertThat(
            CommitImpact.affectedApplications(
                commit("main", modify(BASE + "/deployment.yaml")), apps))
        .containsExactly("argocd/multi");
    assertThat(
            CommitImpact.affectedApplications(
                commit("main", modify(PROD_PATH + "/kustomization.yaml")), apps))
        .isEmpty();
  }

  @Test
  void givenAHelmChartSource_whenAGitCommitOfTheSameUrlChangesTheRoot_thenTheChartIsNotReached() {
    ApplicationSource chartOnly =
        new ApplicationSource(REPO, "", "1.4.2", "ops-journal", "", "", "ops-journal", "default");

    assertThat(
            CommitImpact.affectedApplications(
                commit("main", modify("Chart.yaml")), Map.of("argocd/chart", chartOnly)))
        .isEmpty();
  }

  // --- inputs ---

  private static ApplicationSource source(String repoUrl, String path, String targetRevision) {
    return new ApplicationSource(
        repoUrl,
        path,
        targetRevision,
        "",
        "https://kubernetes.default.svc",
        "in-cluster",
        "ops-journal",
        "default");
  }

  private static ChangedPath modify(String path) {
    return new ChangedPath("MODIFY", path, null);
  }

  private static ChangedPath add(String path) {
    return new ChangedPath("ADD", path, null);
  }

  private static CommitObserved commit(String branch, ChangedPath... changes) {
    return commit(branch, KUSTOMIZATIONS, changes);
  }

  private static CommitObserved commit(
      String branch, Map<String, List<String>> kustomizations, ChangedPath... changes) {
    Instant when = Instant.parse("2026-11-16T09:00:00Z");
    return new CommitObserved(
        REPO,
        branch,
        branch.equals("main"), // main is the repository's default branch
        when.plusSeconds(30),
        "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e",
        List.of(),
        new Person("alice", "alice@example.com", when),
        null,
        "ops-journal: base and overlays",
        List.of(changes),
        kustomizations);
  }
}
