package dev.opsjournal.collectors.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one collector publishes from real repositories over {@code file://}, poll by poll. */
class GitCollectorTest {

  private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

  @TempDir Path dir;
  private GitFixture remote;
  private Path cache;
  private final CapturingSink sink = new CapturingSink();
  private GitCollector collector;

  @BeforeEach
  void createRemote() {
    remote = GitFixture.create(dir.resolve("platform.git"));
    cache = dir.resolve("cache");
  }

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
    remote.close();
  }

  @Test
  void givenAHistoryWithAMergedBranch_whenFirstPolled_thenEveryCommitIsPublishedParentsFirst() {
    String a = remote.commit().put("a", "1").create();
    String f1 = remote.commit("feature").on(a).put("f", "1").create();
    String b = remote.commit().put("a", "2").create();
    String f2 = remote.commit("feature").put("f", "2").create();
    String merge = remote.commit().merging(f2).put("f", "2").message("Merge feature").create();

    poll(watch(remote.url(), "main"));

    assertThat(sink.commitShas()).containsExactly(a, f1, b, f2, merge);
    assertThat(sink.commits())
        .allSatisfy(
            c -> {
              assertThat(c.repoUrl()).isEqualTo(remote.url());
              assertThat(c.branch()).isEqualTo("main");
              assertThat(c.defaultBranch()).isTrue();
              assertThat(c.observedAt()).isEqualTo(NOW);
              assertThat(c.subject()).isEqualTo(remote.url() + "#main");
            });
    assertThat(sink.published()).hasSize(5);
  }

  @Test
  void givenPublishedCommits_whenPolledAgain_thenOnlyNewCommitsArePublished() {
    remote.commit().put("a", "1").create();
    poll(watch(remote.url(), "main"));
    sink.clear();

    collector.poll();
    assertThat(sink.published()).isEmpty();

    String b = remote.commit().put("a", "2").create();
    String c = remote.commit().put("a", "3").create();
    collector.poll();
    assertThat(sink.commitShas()).containsExactly(b, c);
  }

  @Test
  void givenARestart_whenTheNewCollectorPolls_thenItPublishesOnlyCommitsMadeWhileItWasDown()
      throws IOException {
    remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    poll(watch(remote.url(), "main"));
    collector.close();
    assertThat(Files.readString(cache.resolve(Checkpoints.FILE_NAME))).contains(b);

    String c = remote.commit().put("a", "3").create();
    sink.clear();
    poll(watch(remote.url(), "main"));

    assertThat(sink.commitShas()).containsExactly(c);
  }

  @Test
  void givenAForcePush_whenPolled_thenTheRewriteComesFirstWithTheLostCommitsThenTheNewOnes() {
    String a = remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    String c = remote.commit().put("a", "3").create();
    poll(watch(remote.url(), "main"));
    sink.clear();

    String d = remote.commit().on(a).put("a", "rewritten").create();
    String e = remote.commit().put("b", "1").create();
    collector.poll();

    assertThat(sink.published())
        .first()
        .isEqualTo(new HistoryRewriteObserved(remote.url(), "main", NOW, c, e, List.of(b, c)));
    assertThat(sink.commitShas()).containsExactly(d, e);
    assertThat(sink.published()).hasSize(3);

    sink.clear();
    collector.poll();
    assertThat(sink.published()).isEmpty();
  }

  @Test
  void
      givenAForcePushFetchedButNotPublished_whenTheCacheIsGarbageCollected_thenTheRewriteStillListsTheLostCommits()
          throws Exception {
    String a = remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    String c = remote.commit().put("a", "3").create();
    poll(watch(remote.url(), "main"));
    String d = remote.commit().on(a).put("a", "rewritten").create();
    sink.failAfter(0);
    collector.poll(); // fetched, nothing published: the old commits are unreachable in the cache
    sink.heal();
    sink.clear();

    Path clone = collector.pollers().get(0).directory();
    FileUtils.delete(clone.resolve("logs").toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    try (Git cache = Git.open(clone.toFile())) { // reflogs expired, then an aggressive gc
      ObjectId canary;
      try (ObjectInserter inserter = cache.getRepository().newObjectInserter()) {
        canary = inserter.insert(Constants.OBJ_BLOB, "unreachable".getBytes(UTF_8));
        inserter.flush();
      }
      cache.getRepository().getConfig().setString("gc", null, "prunePackExpire", "now");
      cache.gc().setExpire(Date.from(Instant.now().plusSeconds(3600))).call();
      assertThat(cache.getRepository().getObjectDatabase().has(canary)).isFalse();
    }
    collector.poll();

    assertThat(sink.published())
        .first()
        .isEqualTo(new HistoryRewriteObserved(remote.url(), "main", NOW, c, d, List.of(b, c)));
    assertThat(sink.commitShas()).containsExactly(d);
    assertThat(sink.published()).hasSize(2);
  }

  @Test
  void givenABranchResetToAnAncestor_whenPolled_thenTheRewriteIsPublishedAndLaterCommitsFollow() {
    String a = remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    poll(watch(remote.url(), "main"));
    sink.clear();

    remote.forceBranch("main", a);
    collector.poll();
    assertThat(sink.published())
        .containsExactly(new HistoryRewriteObserved(remote.url(), "main", NOW, b, a, List.of(b)));

    sink.clear();
    String c = remote.commit().put("c", "1").create();
    collector.poll();
    assertThat(sink.commitShas()).containsExactly(c);
  }

  @Test
  void
      givenTheBrokerFailsAfterTheRewrite_whenPolledAgain_thenTheNewCommitsFollowWithoutASecondRewrite() {
    String a = remote.commit().put("a", "1").create();
    remote.commit().put("a", "2").create();
    poll(watch(remote.url(), "main"));
    sink.clear();
    String d = remote.commit().on(a).put("a", "rewritten").create();
    String e = remote.commit().put("b", "1").create();

    sink.failAfter(1);
    collector.poll();
    assertThat(sink.published()).singleElement().isInstanceOf(HistoryRewriteObserved.class);

    sink.heal();
    sink.clear();
    collector.close();
    poll(watch(remote.url(), "main")); // and across a restart
    assertThat(sink.published()).extracting(this::sha).containsExactly(d, e);
  }

  @Test
  void givenTheBrokerFailsMidway_whenPolledAgain_thenTheRestFollowsAndNothingIsRepeated() {
    List<String> shas =
        List.of(
            remote.commit().put("a", "1").create(),
            remote.commit().put("a", "2").create(),
            remote.commit().put("a", "3").create(),
            remote.commit().put("a", "4").create());

    sink.failAfter(2);
    poll(watch(remote.url(), "main"));
    assertThat(sink.commitShas()).containsExactlyElementsOf(shas.subList(0, 2));

    sink.heal();
    collector.poll();
    assertThat(sink.commitShas()).containsExactlyElementsOf(shas);
  }

  @Test
  void
      givenTheRepositoryGoneForSeveralPolls_whenItComesBack_thenOneOutageAndOneRecoveryArePublished()
          throws IOException {
    String a = remote.commit().put("a", "1").create();
    poll(watch(remote.url(), "main"));
    Path away = dir.resolve("away.git");
    Files.move(remote.directory(), away);

    collector.poll();
    collector.poll();
    collector.poll();
    Files.move(away, remote.directory());
    String b = remote.commit().put("a", "2").create();
    collector.poll();
    collector.poll();

    assertThat(sink.published())
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly(
            "CommitObserved",
            "SourceUnavailableObserved",
            "SourceRecoveredObserved",
            "CommitObserved");
    assertThat(sink.commitShas()).containsExactly(a, b);
    SourceUnavailableObserved outage = (SourceUnavailableObserved) sink.published().get(1);
    assertThat(outage.reason()).startsWith("fetch failed: ").isNotEqualTo("fetch failed: ");
    assertThat(outage.subject()).isEqualTo(remote.url() + "#main");
  }

  @Test
  void
      givenAnOutageReported_whenTheCollectorRestartsAndTheSourceIsBack_thenTheRecoveryIsPublishedOnce()
          throws IOException {
    remote.commit().put("a", "1").create();
    Path away = dir.resolve("away.git");
    Files.move(remote.directory(), away);
    poll(watch(remote.url(), "main"));
    collector.close();

    poll(watch(remote.url(), "main")); // still down: no second outage after the restart
    collector.close();
    Files.move(away, remote.directory());
    poll(watch(remote.url(), "main"));

    assertThat(sink.published())
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("SourceUnavailableObserved", "SourceRecoveredObserved", "CommitObserved");
  }

  @Test
  void givenTheBrokerDownDuringAnOutage_whenItIsBack_thenTheOutageIsStillReported()
      throws IOException {
    Files.move(remote.directory(), dir.resolve("away.git"));
    sink.failAfter(0);
    poll(watch(remote.url(), "main"));
    assertThat(sink.published()).isEmpty();

    sink.heal();
    collector.poll();
    assertThat(sink.published()).singleElement().isInstanceOf(SourceUnavailableObserved.class);
  }

  @Test
  void givenABranchTheRemoteDoesNotHave_whenPolled_thenTheSourceIsUnavailable() {
    remote.commit().put("a", "1").create();

    poll(watch(remote.url(), "release"));

    assertThat(sink.published())
        .singleElement()
        .isInstanceOfSatisfying(
            SourceUnavailableObserved.class, o -> assertThat(o.reason()).contains("release"));
  }

  @Test
  void givenAnSshUrlNobodyAnswers_whenPolled_thenTheSshTransportReportsAnOutage() {
    poll(watch("ssh://git@127.0.0.1:1/platform.git", "main"));

    assertThat(sink.published())
        .singleElement()
        .isInstanceOfSatisfying(
            SourceUnavailableObserved.class,
            o -> {
              assertThat(o.repoUrl()).isEqualTo("ssh://git@127.0.0.1:1/platform.git");
              assertThat(o.reason())
                  .contains("127.0.0.1")
                  .doesNotContainIgnoringCase("not supported");
            });
  }

  @Test
  void givenTheRemoteHead_whenBranchesAreWatched_thenOnlyTheBranchHeadPointsToIsTheDefault() {
    String a = remote.commit().put("a", "1").create();
    remote.commit("release").on(a).put("r", "1").create();

    poll(watch(remote.url(), "main"), watch(remote.url(), "release"));
    assertThat(sink.commits())
        .extracting(CommitObserved::branch, CommitObserved::defaultBranch)
        .containsExactlyInAnyOrder(
            tuple("main", true), tuple("release", false), tuple("release", false));

    sink.clear();
    remote.setDefaultBranch("release");
    remote.commit("main").put("a", "2").create();
    remote.commit("release").put("r", "2").create();
    collector.poll();
    assertThat(sink.commits())
        .extracting(CommitObserved::branch, CommitObserved::defaultBranch)
        .containsExactlyInAnyOrder(tuple("main", false), tuple("release", true));
  }

  @Test
  void givenDefaultBranchConfigured_whenPolled_thenTheConfigurationWins() {
    remote.commit().put("a", "1").create();

    poll(new RepositorySettings(remote.url(), "main", null, null, null, null, false));

    assertThat(sink.commits())
        .singleElement()
        .extracting(CommitObserved::defaultBranch)
        .isEqualTo(false);
  }

  @Test
  void givenTheCacheLost_whenPolled_thenTheFreshCloneContinuesFromTheCheckpoint()
      throws IOException {
    remote.commit().put("a", "1").create();
    poll(watch(remote.url(), "main"));
    deleteCache();

    String b = remote.commit().put("a", "2").create();
    sink.clear();
    poll(watch(remote.url(), "main"));

    assertThat(sink.commitShas()).containsExactly(b);
  }

  @Test
  void
      givenTheCacheLostAndAForcePushMeanwhile_whenPolled_thenTheRewriteAndTheWholeBranchArePublished()
          throws IOException {
    remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    poll(watch(remote.url(), "main"));
    deleteCache();

    String x = remote.commit().on(null).put("x", "1").create();
    String y = remote.commit().put("y", "1").create();
    sink.clear();
    poll(watch(remote.url(), "main"));

    assertThat(sink.published())
        .first()
        .isEqualTo(new HistoryRewriteObserved(remote.url(), "main", NOW, b, y, List.of(b)));
    assertThat(sink.commitShas()).containsExactly(x, y); // the journal dedupes by sha
  }

  private void deleteCache() throws IOException {
    Path clone = collector.pollers().get(0).directory();
    collector.close();
    FileUtils.delete(clone.toFile(), FileUtils.RECURSIVE);
  }

  @Test
  void givenTwoBranchesOfOneRepository_whenPolled_thenEachHasItsOwnCloneAndCheckpoint()
      throws Exception {
    String a = remote.commit().put("a", "1").create();
    String r = remote.commit("release").on(a).put("r", "1").create();

    poll(watch(remote.url(), "main"), watch(remote.url(), "release"));

    assertThat(collector.pollers())
        .extracting(RepositoryPoller::directory)
        .doesNotHaveDuplicates()
        .allSatisfy(clone -> assertThat(clone.getParent()).isEqualTo(cache));
    assertThat(collector.sources())
        .containsExactly(remote.url() + "#main", remote.url() + "#release");
    assertThat(Files.readString(cache.resolve(Checkpoints.FILE_NAME))).contains(a, r);
    try (Git clone = Git.open(collector.pollers().get(0).directory().toFile())) {
      // JGit's automatic gc after a fetch runs within the poll, never behind its back
      assertThat(clone.getRepository().getConfig().getBoolean("gc", "autoDetach", true)).isFalse();
      assertThat(clone.getRepository().exactRef(BareClone.PUBLISHED_REF).getObjectId().name())
          .isEqualTo(a);
    }
  }

  @Test
  void givenTheSameSourceTwice_whenConfigured_thenTheCollectorRefusesIt() {
    assertThatThrownBy(
            () ->
                new GitCollector(
                    GitCollectorProperties.of(
                        cache, List.of(watch(remote.url(), "main"), watch(remote.url(), "main"))),
                    sink,
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configured twice");
  }

  @Test
  void givenACommitWithKustomizations_whenPublished_thenItCarriesTheGraphOfItsTree() {
    remote
        .commit()
        .put("base/kustomization.yaml", "resources: []\n")
        .put("dev/kustomization.yaml", "resources: [../base]\n")
        .create();

    poll(watch(remote.url(), "main"));

    assertThat(sink.commits().get(0).kustomizations())
        .isEqualTo(Map.of("base", List.of(), "dev", List.of("base")));
  }

  private void poll(RepositorySettings... repositories) {
    collector =
        new GitCollector(
            GitCollectorProperties.of(cache, List.of(repositories)),
            sink,
            Clock.fixed(NOW, ZoneOffset.UTC),
            name -> null);
    collector.poll();
  }

  private static RepositorySettings watch(String url, String branch) {
    return RepositorySettings.of(url, branch);
  }

  private String sha(Observation observation) {
    return observation instanceof CommitObserved c ? c.sha() : observation.getClass().getName();
  }
}
