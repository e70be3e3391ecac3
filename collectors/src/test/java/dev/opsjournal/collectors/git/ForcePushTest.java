package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.observation.HistoryRewriteObserved;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a force push made unreachable and where the new history forks, on a real repository. */
class ForcePushTest {

  private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

  @TempDir Path dir;
  private GitFixture git;
  private Repository repo;

  @BeforeEach
  void create() {
    git = GitFixture.create(dir.resolve("platform.git"));
    repo = git.repository();
  }

  @AfterEach
  void close() {
    git.close();
  }

  @Test
  void givenABranchResetAndRebuilt_whenCompared_thenTheDroppedCommitsOldestFirstAndTheFork()
      throws IOException {
    String a = git.commit().put("a", "1").create();
    String b = git.commit().put("a", "2").create();
    String c = git.commit().put("a", "3").create();
    String x = git.commit().on(a).put("a", "4").create();

    ForcePush push = ForcePush.between(repo, id(c), id(x));

    assertThat(push.unreachable()).containsExactly(id(b), id(c));
    assertThat(push.unreachableCount()).isEqualTo(2);
    assertThat(push.capped()).isFalse();
    assertThat(push.mergeBase()).isEqualTo(id(a));
    assertThat(push.observation(git.url(), "main", NOW))
        .isEqualTo(new HistoryRewriteObserved(git.url(), "main", NOW, c, x, List.of(b, c)));
  }

  @Test
  void givenMoreDroppedCommitsThanReported_whenCompared_thenTheNewestAreKeptAndAllCounted()
      throws IOException {
    String a = git.commit().put("a", "0").create();
    String last = a;
    for (int i = 1; i <= 5; i++) {
      last = git.commit().put("a", String.valueOf(i)).create();
    }
    List<ObjectId> dropped = HistoryWalk.commits(repo, id(last), id(a));
    String x = git.commit().on(a).put("b", "1").create();

    ForcePush push = ForcePush.between(repo, id(last), id(x), 2);

    assertThat(push.unreachable()).containsExactlyElementsOf(dropped.subList(3, 5));
    assertThat(push.unreachableCount()).isEqualTo(5);
    assertThat(push.capped()).isTrue();
    assertThat(push.mergeBase()).isEqualTo(id(a));
  }

  @Test
  void givenAnUnrelatedNewHistory_whenCompared_thenEveryOldCommitIsDroppedAndThereIsNoFork()
      throws IOException {
    String a = git.commit().put("a", "1").create();
    String b = git.commit().put("a", "2").create();
    String root = git.commit().on(null).put("z", "1").create();

    ForcePush push = ForcePush.between(repo, id(b), id(root));

    assertThat(push.unreachable()).containsExactly(id(a), id(b));
    assertThat(push.mergeBase()).isNull();
  }

  private static ObjectId id(String sha) {
    return ObjectId.fromString(sha);
  }
}
