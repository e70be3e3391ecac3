package dev.opsjournal.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryIdentityTest {

  @Test
  void ignoresCaseBlanksTrailingSlashesAndTheGitSuffix() {
    assertThat(RepositoryIdentity.of(" https://Git.Example.com/Team/Platform.git// "))
        .isEqualTo("https://git.example.com/team/platform");
    assertThat(
            RepositoryIdentity.same(
                "https://git.example.com/team/platform",
                "HTTPS://git.example.com/team/platform.git/"))
        .isTrue();
  }

  @Test
  void tellsOtherRepositoriesApart() {
    assertThat(
            RepositoryIdentity.same(
                "https://git.example.com/team/platform",
                "https://git.example.com/team/platform-tools"))
        .isFalse();
    assertThat(
            RepositoryIdentity.same(
                "https://git.example.com/a/platform", "https://git.example.com/b/platform"))
        .isFalse();
  }

  @Test
  void keepsAGitSuffixThatIsPartOfTheName() {
    assertThat(RepositoryIdentity.of("https://git.example.com/team/platform.github"))
        .isEqualTo("https://git.example.com/team/platform.github");
  }

  @Test
  void spellsBothSshFormsAsOne() {
    assertThat(RepositoryIdentity.of("git@GitHub.com:Acme/platform.git"))
        .isEqualTo("ssh://github.com/acme/platform");
    assertThat(
            RepositoryIdentity.same(
                "git@github.com:acme/platform.git", "ssh://git@github.com/acme/platform"))
        .isTrue();
    assertThat(RepositoryIdentity.same("git@github.com:acme/platform", "git@github.com:acme/tools"))
        .isFalse();
  }

  @Test
  void keepsThePortOfAnSshUrl() {
    assertThat(RepositoryIdentity.of("ssh://git@git.example.com:2222/team/platform.git"))
        .isEqualTo("ssh://git.example.com:2222/team/platform");
  }

  @Test
  void dropsAUserAndItsToken() {
    assertThat(RepositoryIdentity.of("https://ci:ghp_secret@git.example.com/team/platform.git"))
        .isEqualTo("https://git.example.com/team/platform");
  }
}
