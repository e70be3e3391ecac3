package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** URLs and credentials as they may be shown, and the settings' defaults. */
class RepositoryUrlsTest {

  @Test
  void givenUrlsAndBranches_whenNamingCacheDirectories_thenTheyAreReadableAndDistinct() {
    String main = RepositoryUrls.cacheDirectoryName("https://git.example.com/platform.git", "main");
    String release =
        RepositoryUrls.cacheDirectoryName("https://git.example.com/platform.git", "release");

    assertThat(main).matches("platform-[0-9a-f]{16}\\.git").isNotEqualTo(release);
    assertThat(RepositoryUrls.cacheDirectoryName("https://h/team/my repo:x.git/", "main"))
        .startsWith("my_repo_x-");
    assertThat(RepositoryUrls.cacheDirectoryName("https://h/.git", "main")).startsWith("repo-");
    assertThat(RepositoryUrls.cacheDirectoryName("https://git.example.com/platform.git", "main"))
        .isEqualTo(main);
  }

  @Test
  void givenCredentialsFromTheEnvironment_whenJGitAsks_thenItGetsThemAndMessagesNeverShowThem() {
    RepositorySettings settings =
        new RepositorySettings(
            "https://git.example.com/p.git", null, null, "GIT_USER", "GIT_PASSWORD", null, null);
    Credentials credentials =
        Credentials.from(settings, Map.of("GIT_USER", "bob", "GIT_PASSWORD", "s3cret-pw")::get);

    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(credentials.provider().get(uri(), user, password)).isTrue();
    assertThat(user.getValue()).isEqualTo("bob");
    assertThat(new String(password.getValue())).isEqualTo("s3cret-pw");
    assertThat(credentials.redact("auth for bob:s3cret-pw refused at https://bob:s3cret-pw@x/p"))
        .isEqualTo("auth for bob:**** refused at https://x/p");
  }

  @Test
  void givenAToken_whenJGitAsks_thenItIsThePasswordOfTheTokenUser() {
    RepositorySettings settings =
        new RepositorySettings(
            "https://github.com/o/p.git", null, null, null, null, "GIT_TOKEN", null);
    Credentials credentials = Credentials.from(settings, Map.of("GIT_TOKEN", "ghp_abcdef")::get);

    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(credentials.provider().get(uri(), user, password)).isTrue();
    assertThat(user.getValue()).isEqualTo(Credentials.TOKEN_USER);
    assertThat(new String(password.getValue())).isEqualTo("ghp_abcdef");
    assertThat(credentials.redact("token ghp_abcdef refused")).isEqualTo("token **** refused");
  }

  @Test
  void givenNoCredentialsOrUnsetVariables_whenRead_thenThereIsNoProvider() {
    assertThat(Credentials.from(RepositorySettings.of("file:///x", "main"), n -> "x").provider())
        .isNull();
    RepositorySettings unset =
        new RepositorySettings("https://h/p.git", null, null, null, "NOT_SET", null, null);
    assertThat(Credentials.from(unset, n -> null).provider()).isNull();
  }

  @Test
  void givenMinimalSettings_whenBound_thenTheDefaultsApply() {
    RepositorySettings settings = RepositorySettings.of("ssh://git@h/p.git", null);
    assertThat(settings.branch()).isEqualTo("main");
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.defaultBranch()).isNull();
    assertThat(RepositorySettings.of("https://h/p.git", "refs/heads/release").branch())
        .isEqualTo("release");

    GitCollectorProperties properties = new GitCollectorProperties(false, null, null, null, null);
    assertThat(properties.cacheDir()).isEqualTo(Path.of("./data/git"));
    assertThat(properties.maxChangedPaths()).isEqualTo(5_000);
    assertThat(properties.repositories()).isEmpty();
  }

  @Test
  void givenAnUnsupportedUrl_whenBound_thenItIsRefusedWithoutShowingCredentials() {
    assertThatThrownBy(() -> RepositorySettings.of("ftp://u:secret@h/p.git", "main"))
        .hasMessageContaining("ftp://h/p.git")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> RepositorySettings.of("git@github.com:o/p.git", "main"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static URIish uri() {
    try {
      return new URIish("https://git.example.com/p.git");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
