package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.git.HistoryWalk.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commits are new and how a branch moved, on a real repository. */
class HistoryWalkTest {

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
  void givenAMergedBranch_whenWalked_thenParentsComeFirstAndMergedCommitsInTimeOrder()
      throws IOException {
    String a = git.commit().put("a", "1").create();
    String f1 = git.commit("feature").on(a).put("f", "1").create();
    String b = git.commit().put("a", "2").create();
    String f2 = git.commit("feature").put("f", "2").create();
    String merge = git.commit().merging(f2).put("f", "2").create();

    assertThat(names(HistoryWalk.commits(repo, id(merge), null)))
        .containsExactly(a, f1, b, f2, merge);
    assertThat(names(HistoryWalk.commits(repo, id(merge), id(b)))).containsExactly(f1, f2, merge);
    assertThat(HistoryWalk.commits(repo, id(b), id(merge))).isEmpty();
  }

  @Test
  void givenEachWayABranchCanMove_whenStepped_thenEachIsNamed() throws IOException {
    String a = git.commit().put("a", "1").create();
    String b = git.commit().put("a", "2").create();
    String x = git.commit().on(a).put("a", "3").create();
    ObjectId neverSeen = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");

    assertThat(HistoryWalk.step(repo, id(b), id(b))).isEqualTo(Step.UNCHANGED);
    assertThat(HistoryWalk.step(repo, id(a), id(b))).isEqualTo(Step.FAST_FORWARD);
    assertThat(HistoryWalk.step(repo, id(b), id(x))).isEqualTo(Step.REWRITTEN);
    assertThat(HistoryWalk.step(repo, id(b), id(a))).isEqualTo(Step.REWRITTEN);
    assertThat(HistoryWalk.step(repo, neverSeen, id(x))).isEqualTo(Step.LOST);
  }

  @Test
  void givenARewriteAndAnUnrelatedHistory_whenMergeBased_thenTheForkOrNothing() throws IOException {
    String a = git.commit().put("a", "1").create();
    String b = git.commit().put("a", "2").create();
    String x = git.commit().on(a).put("a", "3").create();
    String root = git.commit().on(null).put("z", "1").create();

    assertThat(HistoryWalk.mergeBase(repo, id(b), id(x))).isEqualTo(id(a));
    assertThat(HistoryWalk.mergeBase(repo, id(b), id(root))).isNull();
  }

  private static ObjectId id(String sha) {
    return ObjectId.fromString(sha);
  }

  private static List<String> names(List<ObjectId> ids) {
    return ids.stream().map(ObjectId::name).toList();
  }
}
