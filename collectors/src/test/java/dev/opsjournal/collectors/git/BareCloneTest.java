package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.collectors.git.BareClone.FetchFailed;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local clone of one branch, fetched from a real repository over {@code file://}. */
class BareCloneTest {

  @TempDir Path dir;
  private GitFixture remote;
  private BareClone clone;

  @BeforeEach
  void createRemote() {
    remote = GitFixture.create(dir.resolve("platform.git"));
  }

  @AfterEach
  void close() {
    if (clone != null) {
      clone.close();
    }
    remote.close();
  }

  @Test
  void givenTheRemotesHead_whenFetched_thenTheCloneHasTheBranchAndKnowsItIsTheDefault()
      throws Exception {
    String a = remote.commit().put("a", "1").create();
    clone = clone(RepositorySettings.of(remote.url(), "main"));

    assertThat(clone.fetch()).isEqualTo(ObjectId.fromString(a));
    assertThat(clone.defaultBranch()).isTrue();
    Repository repo = clone.open();
    assertThat(repo.isBare()).isTrue();
    assertThat(repo.getConfig().getBoolean("gc", "autoDetach", true)).isFalse();
  }

  @Test
  void givenTheRemoteMovesItsHead_whenFetchedAgain_thenTheDefaultFollows() throws Exception {
    String a = remote.commit().put("a", "1").create();
    remote.commit("release").on(a).put("r", "1").create();
    clone = clone(RepositorySettings.of(remote.url(), "release"));

    clone.fetch();
    assertThat(clone.defaultBranch()).isFalse();

    remote.setDefaultBranch("release");
    clone.fetch();
    assertThat(clone.defaultBranch()).isTrue();
  }

  @Test
  void givenTheDefaultConfigured_whenFetched_thenTheRemotesHeadIsNotAsked() throws Exception {
    remote.commit().put("a", "1").create();
    clone = clone(new RepositorySettings(remote.url(), "main", null, null, null, null, false));

    clone.fetch();

    assertThat(clone.defaultBranch()).isFalse();
  }

  @Test
  void givenABranchTheRemoteDoesNotHave_whenFetched_thenTheFailureNamesIt() {
    remote.commit().put("a", "1").create();
    clone = clone(RepositorySettings.of(remote.url(), "release"));

    assertThatThrownBy(clone::fetch)
        .isInstanceOf(FetchFailed.class)
        .hasMessageContaining("release");
  }

  @Test
  void givenAPublishedCommit_whenPinned_thenThePinRefHoldsItAndMovesWithIt() throws Exception {
    String a = remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    clone = clone(RepositorySettings.of(remote.url(), "main"));
    clone.fetch();

    clone.pin(ObjectId.fromString(a));
    assertThat(clone.open().exactRef(BareClone.PUBLISHED_REF).getObjectId().name()).isEqualTo(a);
    clone.pin(ObjectId.fromString(b));
    assertThat(clone.open().exactRef(BareClone.PUBLISHED_REF).getObjectId().name()).isEqualTo(b);
  }

  private BareClone clone(RepositorySettings settings) {
    return new BareClone(
        settings,
        dir.resolve("cache"),
        Credentials.from(settings, Map.<String, String>of()::get),
        30);
  }
}
