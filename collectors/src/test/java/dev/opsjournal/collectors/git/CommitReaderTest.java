package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One commit of a real repository read as the journal needs it. */
class CommitReaderTest {

  private static final String URL = "https://git.example.com/platform.git";
  private static final Instant OBSERVED = Instant.parse("2026-11-16T12:00:00Z");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  @TempDir Path dir;
  private GitFixture git;

  @BeforeEach
  void createRepository() {
    git = GitFixture.create(dir.resolve("remote.git"));
  }

  @AfterEach
  void closeRepository() {
    git.close();
  }

  @Test
  void givenARootCommit_whenRead_thenEveryFileIsAddedWithAuthorCommitterAndMessage()
      throws IOException {
    Instant at = Instant.parse("2026-11-16T09:00:00Z");
    String sha =
        git.commit()
            .by("alice", at)
            .committer("carol", at.plusSeconds(60))
            .message("Add base\n\nWith a body.\n")
            .put("b.txt", "b\n")
            .put("a/x.txt", "x\n")
            .create();

    CommitObserved commit = read(sha, GitCollectorProperties.DEFAULT_MAX_CHANGED_PATHS);

    assertThat(commit.sha()).isEqualTo(sha);
    assertThat(commit.parents()).isEmpty();
    assertThat(commit.repoUrl()).isEqualTo(URL);
    assertThat(commit.branch()).isEqualTo("main");
    assertThat(commit.defaultBranch()).isTrue();
    assertThat(commit.observedAt()).isEqualTo(OBSERVED);
    assertThat(commit.author()).isEqualTo(new Person("alice", "alice@example.com", at));
    assertThat(commit.committer())
        .isEqualTo(new Person("carol", "carol@example.com", at.plusSeconds(60)));
    assertThat(commit.message()).isEqualTo("Add base\n\nWith a body.\n");
    assertThat(commit.changedPaths()).containsExactly(add("a/x.txt"), add("b.txt"));
  }

  @Test
  void givenModifyDeleteAndRename_whenRead_thenEachIsTypedAndTheRenameKeepsItsOldPath()
      throws IOException {
    String content = "a file long enough to be recognised when it moves\n".repeat(20);
    String first =
        git.commit()
            .put("keep.txt", "1\n")
            .put("gone.txt", "bye\n")
            .put("old/name.yaml", content)
            .create();
    String second =
        git.commit()
            .put("keep.txt", "2\n")
            .remove("gone.txt")
            .rename("old/name.yaml", "new/name.yaml")
            .create();

    CommitObserved commit = read(second, 5_000);

    assertThat(commit.parents()).containsExactly(first);
    assertThat(commit.changedPaths())
        .containsExactlyInAnyOrder(
            new ChangedPath("MODIFY", "keep.txt", ""),
            new ChangedPath("DELETE", "gone.txt", ""),
            new ChangedPath("RENAME", "new/name.yaml", "old/name.yaml"));
  }

  @Test
  void givenAFileMovedToTwoPlaces_whenRead_thenOneIsARenameAndTheOtherACopy() throws IOException {
    String content = "line of a manifest that moves to two overlays\n".repeat(20);
    git.commit().put("shared/app.yaml", content).create();
    String split =
        git.commit()
            .remove("shared/app.yaml")
            .put("dev/app.yaml", content)
            .put("staging/app.yaml", content)
            .create();

    assertThat(read(split, 5_000).changedPaths())
        .extracting(ChangedPath::change, ChangedPath::oldPath)
        .containsExactlyInAnyOrder(
            tuple("COPY", "shared/app.yaml"), tuple("RENAME", "shared/app.yaml"));
  }

  @Test
  void givenAMergeCommit_whenRead_thenItsPathsAreThoseOfTheMergedBranchAgainstTheFirstParent()
      throws IOException {
    String base = git.commit().put("main.txt", "1\n").create();
    String feature = git.commit("feature").on(base).put("feature.txt", "f\n").create();
    String mainline = git.commit().put("main.txt", "2\n").create();
    String merge =
        git.commit().merging(feature).put("feature.txt", "f\n").message("Merge feature").create();

    CommitObserved commit = read(merge, 5_000);

    assertThat(commit.parents()).containsExactly(mainline, feature);
    assertThat(commit.changedPaths()).containsExactly(add("feature.txt"));
  }

  @Test
  void givenAnEmptyCommit_whenRead_thenItChangesNoPath() throws IOException {
    git.commit().put("a.txt", "a\n").create();
    String empty = git.commit().message("Trigger a sync").create();

    assertThat(read(empty, 5_000).changedPaths()).isEmpty();
  }

  @Test
  void givenAnIso88591MessageWithItsEncodingHeader_whenRead_thenItIsDecoded() throws IOException {
    String sha =
        git.commit()
            .message("Corrigé la réplique: « déploiement »", StandardCharsets.ISO_8859_1)
            .create();

    assertThat(git.parse(sha).getRawBuffer())
        .containsSubsequence("encoding ISO-8859-1".getBytes(StandardCharsets.US_ASCII));
    assertThat(read(sha, 5_000).message()).isEqualTo("Corrigé la réplique: « déploiement »");
  }

  @Test
  void givenMessageBytesThatAreNotUtf8AndNoHeader_whenRead_thenTheyAreReadAsLatin1()
      throws IOException {
    byte[] latin1 = "Café pour l'équipe\n".getBytes(StandardCharsets.ISO_8859_1);
    String sha = git.commit().rawMessage(latin1).create();

    CommitObserved commit = read(sha, 5_000);

    assertThat(commit.message()).isEqualTo("Café pour l'équipe\n");
    assertThat(JSON.writeValueAsString(commit)).contains("Café pour l'équipe");
  }

  @Test
  void givenACommitTouching6000Files_whenRead_thenTheFirst5000PathsArePublishedUnder1MiB()
      throws IOException {
    GitFixture.Commit huge = git.commit().message("Vendor everything");
    for (int i = 0; i < 6_000; i++) {
      huge.put(String.format("vendor/module-%02d/file-%04d.yaml", i / 100, i), "x\n");
    }
    String sha = huge.create();

    CommitObserved commit = read(sha, GitCollectorProperties.DEFAULT_MAX_CHANGED_PATHS);

    assertThat(commit.changedPaths()).hasSize(5_000);
    assertThat(commit.changedPaths().get(0).path()).isEqualTo("vendor/module-00/file-0000.yaml");
    assertThat(JSON.writeValueAsBytes(commit).length)
        .isLessThan(CommitReader.MAX_OBSERVATION_BYTES);
  }

  @Test
  void givenPathsTooLongFor1MiB_whenRead_thenFewerPathsArePublishedThanTheMaximum()
      throws IOException {
    GitFixture.Commit huge = git.commit();
    String deep = "d".repeat(200) + "/";
    for (int i = 0; i < 4_000; i++) {
      huge.put(deep + deep + "file-" + i + ".yaml", "x\n");
    }
    String sha = huge.create();

    CommitObserved commit = read(sha, GitCollectorProperties.DEFAULT_MAX_CHANGED_PATHS);

    assertThat(commit.changedPaths()).hasSizeBetween(1_000, 3_999);
    assertThat(JSON.writeValueAsBytes(commit).length)
        .isLessThan(CommitReader.MAX_OBSERVATION_BYTES);
  }

  @Test
  void givenCommitsThatOnlyModifyFiles_whenRead_thenTheKustomizationsOfEachTreeAreRight()
      throws IOException {
    git.commit()
        .put("base/kustomization.yaml", "resources: [deployment.yaml]\n")
        .put("base/deployment.yaml", "replicas: 1\n")
        .put("dev/kustomization.yaml", "resources: [../base, ../later]\n")
        .create();
    String modify = git.commit().put("base/deployment.yaml", "replicas: 2\n").create();
    String adds = git.commit().put("later/kustomization.yaml", "resources: []\n").create();
    String edit = git.commit().put("dev/kustomization.yaml", "resources: [../later]\n").create();

    try (CommitReader reader = reader(5_000)) {
      reader.read(
          ObjectId.fromString(git.parse(modify).getParent(0).name()), URL, "main", true, OBSERVED);
      assertThat(
              reader
                  .read(ObjectId.fromString(modify), URL, "main", true, OBSERVED)
                  .kustomizations())
          .containsEntry("dev", List.of("base"));
      assertThat(
              reader.read(ObjectId.fromString(adds), URL, "main", true, OBSERVED).kustomizations())
          .containsEntry("dev", List.of("base", "later"));
      assertThat(
              reader.read(ObjectId.fromString(edit), URL, "main", true, OBSERVED).kustomizations())
          .containsEntry("dev", List.of("later"));
    }
  }

  private CommitObserved read(String sha, int maxChangedPaths) throws IOException {
    try (CommitReader reader = reader(maxChangedPaths)) {
      return reader.read(ObjectId.fromString(sha), URL, "main", true, OBSERVED);
    }
  }

  private CommitReader reader(int maxChangedPaths) {
    return new CommitReader(git.repository(), new KustomizationResolver(), maxChangedPaths);
  }

  private static ChangedPath add(String path) {
    return new ChangedPath("ADD", path, "");
  }
}
