package dev.opsjournal.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

  @Test
  void givenUrlsWithCredentials_whenStripped_thenHttpLosesItsUserInfoAndSshOnlyItsPassword() {
    assertThat(UrlCredentials.strip("https://bob:s3cret@git.example.com/p.git"))
        .isEqualTo("https://git.example.com/p.git");
    assertThat(UrlCredentials.strip("https://ghp_token123@github.com/o/p.git"))
        .isEqualTo("https://github.com/o/p.git");
    assertThat(UrlCredentials.strip("ssh://git@github.com/o/p.git"))
        .isEqualTo("ssh://git@github.com/o/p.git");
    assertThat(UrlCredentials.strip("ssh://git:pw@host:2222/p.git"))
        .isEqualTo("ssh://git@host:2222/p.git");
    assertThat(UrlCredentials.strip("file:///srv/git/platform.git"))
        .isEqualTo("file:///srv/git/platform.git");
    assertThat(UrlCredentials.strip("git@github.com:o/p.git")).isEqualTo("git@github.com:o/p.git");
  }

  @Test
  void givenMessagesQuotingUrls_whenStripped_thenEveryUrlLosesItsSecret() {
    assertThat(
            UrlCredentials.strip(
                "http://u:p@a.example/x.git: not authorized (http://u:p@a.example/x.git)"))
        .isEqualTo("http://a.example/x.git: not authorized (http://a.example/x.git)");
    assertThat(
            UrlCredentials.strip(
                "failed to list refs: Get \"https://ci:ghp_s3cr3t@git.example.com/platform.git/info/refs\":"
                    + " authentication required"))
        .isEqualTo(
            "failed to list refs: Get \"https://git.example.com/platform.git/info/refs\":"
                + " authentication required")
        .doesNotContain("ghp_s3cr3t");
  }
}
