package dev.opsjournal.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's Git side over a real repository: the Week 02 one, made with JGit. */
class GitMirrorTest {

  private static final String URL = "https://git.example.com/platform.git";

  @TempDir Path dir;
  private final List<Observation> published = new CopyOnWriteArrayList<>();

  @Test
  void givenTheBranch_whenListed_thenParentsComeFirstWithTheirCommitterTimes() throws IOException {
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 3);
        GitMirror mirror = mirror(week)) {
      assertThat(mirror.commits())
          .containsExactly(
              new Timeline.Commit(week.sha(1), Week02Repository.C1_AT),
              new Timeline.Commit(week.sha(2), Week02Repository.C2_AT),
              new Timeline.Commit(week.sha(3), Week02Repository.C3_AT));
      assertThat(published).as("nothing is visible before the first reveal").isEmpty();
    }
  }

  @Test
  void givenTheBranch_whenRevealed_thenRevealCountsTheCommitsThePollPublished() {
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 3);
        GitMirror mirror = mirror(week)) {
      Instant monday = Week02Repository.C1_AT.plusSeconds(30);
      assertThat(mirror.reveal(week.sha(1), monday)).isEqualTo(1);
      assertThat(mirror.reveal(week.sha(1), monday.plusSeconds(60)))
          .as("nothing new: the branch did not move")
          .isZero();
      Instant wednesday = Week02Repository.C3_AT.plusSeconds(30);
      assertThat(mirror.reveal(week.sha(3), wednesday))
          .as("c2 and c3 both became reachable")
          .isEqualTo(2);

      assertThat(commits())
          .extracting(CommitObserved::sha)
          .containsExactly(week.sha(1), week.sha(2), week.sha(3));
      assertThat(commits())
          .as("under the URL the Applications name, seen at the replay's time")
          .allMatch(c -> c.repoUrl().equals(URL))
          .extracting(CommitObserved::observedAt)
          .containsExactly(monday, wednesday, wednesday);
    }
  }

  @Test
  void givenAWorkTreeOrABareRepository_whenNamed_thenItsGitDirectoryIsFound() throws IOException {
    Path bare = dir.resolve("bare.git");
    Files.createDirectories(bare.resolve("objects"));
    Files.writeString(bare.resolve("HEAD"), "ref: refs/heads/main\n");
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve(".git"));

    assertThat(GitMirror.gitDir(bare)).isEqualTo(bare.toAbsolutePath());
    assertThat(GitMirror.gitDir(tree)).isEqualTo(tree.toAbsolutePath().resolve(".git"));
    assertThat(GitMirror.defaultUrl(bare))
        .isEqualTo(bare.toAbsolutePath().toUri().toString().replaceAll("/$", ""));
    assertThatThrownBy(() -> GitMirror.gitDir(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a Git repository");
  }

  private GitMirror mirror(Week02Repository week) {
    try {
      return new GitMirror(week.directory(), "main", URL, dir.resolve("work"), published::add);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<CommitObserved> commits() {
    return published.stream()
        .filter(CommitObserved.class::isInstance)
        .map(CommitObserved.class::cast)
        .toList();
  }
}
