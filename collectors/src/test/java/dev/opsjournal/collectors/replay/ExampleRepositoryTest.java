package dev.opsjournal.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled Week 02 repository, read from its files. */
class ExampleRepositoryTest {

  @TempDir Path dir;

  private final ExampleRepository week02 = ExampleRepository.load("week-02");

  @Test
  void givenTheManifest_whenLoaded_thenEachCommitHasItsAuthorTimeMessageAndFiles() {
    assertThat(week02.url()).isEqualTo("https://git.example.com/platform.git");
    assertThat(week02.branch()).isEqualTo("main");
    assertThat(week02.commits())
        .extracting(ExampleRepository.Commit::author)
        .containsExactly("alice", "bob", "alice");
    assertThat(week02.commits().get(0).files()).hasSize(6);
    assertThat(week02.commits().get(1).files())
        .containsOnlyKeys("platform/gitops/ops-journal-dev-app.yaml");
    assertThat(week02.commits().get(1).files().values().iterator().next())
        .contains("repoURL: " + week02.url())
        .contains("path: apps/ops-journal/overlays/dev")
        .endsWith("selfHeal: true\n");
  }

  @Test
  void givenTwoDirectories_whenCreated_thenTheShasAreTheSameAndAnExistingOneIsKept()
      throws Exception {
    List<String> first = week02.create(dir.resolve("a/platform.git"));
    List<String> second = week02.create(dir.resolve("b/platform.git"));
    Path marker = dir.resolve("a/platform.git/description");
    Files.writeString(marker, "kept");
    List<String> again = week02.create(dir.resolve("a/platform.git"));

    assertThat(first).hasSize(3).isEqualTo(second).isEqualTo(again);
    assertThat(Files.readString(marker)).isEqualTo("kept");
    try (Git git = Git.open(dir.resolve("a/platform.git").toFile());
        RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repository = git.getRepository();
      var head = walk.parseCommit(repository.resolve(Constants.R_HEADS + "main"));
      assertThat(head.getFullMessage()).isEqualTo(week02.commits().get(2).message());
      assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("alice@example.com");
      assertThat(head.getCommitterIdent().getWhenAsInstant())
          .isEqualTo(week02.commits().get(2).at());
      int files = 0;
      try (TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(head.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          files++;
        }
      }
      assertThat(files).as("every file of c1..c3").isEqualTo(8);
    }
  }
}
