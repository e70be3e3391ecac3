package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import dev.opsjournal.core.source.CommitImpact;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Week 02 {@code platform} repository through the collector: the commits the journal records on
 * Monday and Wednesday, and the Applications they reach by the journal's own rule.
 */
class Week02RepositoryTest {

  @TempDir Path dir;
  private final CapturingSink sink = new CapturingSink();

  @Test
  void givenTheWeek02Repository_whenCollected_thenC1ToC3ArePublishedWithTheirAuthors() {
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 2);
        GitCollector collector = collector(week)) {
      collector.poll();
      assertThat(sink.commitShas()).containsExactly(week.sha(1), week.sha(2));

      week.commitUpTo(3); // Wednesday
      collector.poll();

      assertThat(sink.commits())
          .extracting(c -> c.author().name(), c -> c.author().email(), CommitObserved::message)
          .containsExactly(
              tuple("alice", "alice@example.com", Week02Repository.C1_MESSAGE),
              tuple("bob", "bob@example.com", Week02Repository.C2_MESSAGE),
              tuple("alice", "alice@example.com", Week02Repository.C3_MESSAGE));
      assertThat(sink.commits())
          .extracting(c -> c.author().when())
          .containsExactly(
              Instant.parse("2026-11-16T09:00:00Z"),
              Instant.parse("2026-11-16T10:00:00Z"),
              Instant.parse("2026-11-18T09:00:00Z"));
      assertThat(sink.commitShas()).containsExactlyElementsOf(week.shas());
      assertThat(sink.commits().get(2).parents()).containsExactly(week.sha(2));
      assertThat(sink.commits()).allMatch(CommitObserved::defaultBranch);
      assertThat(sink.commits().get(1).changedPaths())
          .containsExactly(new ChangedPath("ADD", "platform/gitops/ops-journal-dev-app.yaml", ""));
    }
  }

  @Test
  void givenC1_whenCollected_thenEveryOverlayRefersToTheBase() {
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 1);
        GitCollector collector = collector(week)) {
      collector.poll();

      CommitObserved c1 = sink.commits().get(0);
      assertThat(c1.kustomizations())
          .isEqualTo(
              Map.of(
                  Week02Repository.BASE, List.of(),
                  Week02Repository.DEV_OVERLAY, List.of(Week02Repository.BASE),
                  Week02Repository.STAGING_OVERLAY, List.of(Week02Repository.BASE),
                  Week02Repository.PROD_OVERLAY, List.of(Week02Repository.BASE)));
      assertThat(c1.changedPaths()).extracting(ChangedPath::change).containsOnly("ADD");
      assertThat(c1.changedPaths()).hasSize(6);
    }
  }

  @Test
  void givenC1_whenTheJournalMapsIt_thenItReachesNoLaterApplicationButABaseChangeReachesAll() {
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 3);
        GitCollector collector = collector(week)) {
      collector.poll();
      CommitObserved c1 = sink.commits().get(0);
      Map<String, ApplicationSource> overlays =
          Map.of(
              "argocd/ops-journal-dev", source(week.url(), Week02Repository.DEV_OVERLAY),
              "argocd/ops-journal-staging", source(week.url(), Week02Repository.STAGING_OVERLAY),
              "argocd/ops-journal-prod", source(week.url(), Week02Repository.PROD_OVERLAY));

      // Monday 09:00: no Application is registered yet
      assertThat(CommitImpact.affectedApplications(c1, Map.of())).isEmpty();
      // the Application manifests of c2 and c3 are under platform/gitops, outside every overlay
      assertThat(CommitImpact.affectedApplications(sink.commits().get(1), overlays)).isEmpty();

      CommitObserved baseChange =
          new CommitObserved(
              c1.repoUrl(),
              c1.branch(),
              true,
              c1.observedAt(),
              "0000000000000000000000000000000000000001",
              List.of(c1.sha()),
              new Person("alice", "alice@example.com", c1.observedAt()),
              null,
              "Raise the memory limit",
              List.of(new ChangedPath("MODIFY", Week02Repository.BASE + "/deployment.yaml", "")),
              c1.kustomizations());
      assertThat(CommitImpact.affectedApplications(baseChange, overlays))
          .containsExactly(
              "argocd/ops-journal-dev", "argocd/ops-journal-prod", "argocd/ops-journal-staging");
    }
  }

  private GitCollector collector(Week02Repository week) {
    return new GitCollector(
        GitCollectorProperties.of(
            dir.resolve("cache"), List.of(RepositorySettings.of(week.url(), "main"))),
        sink,
        Clock.fixed(Instant.parse("2026-11-18T09:00:30Z"), ZoneOffset.UTC),
        name -> null);
  }

  private static ApplicationSource source(String repoUrl, String path) {
    return new ApplicationSource(
        repoUrl, path, "HEAD", "", "https://kubernetes.default.svc", "", "ops-journal", "default");
  }
}
