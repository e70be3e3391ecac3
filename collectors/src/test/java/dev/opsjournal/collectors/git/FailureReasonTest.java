package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.Test;

/** The outage reason: what it keeps of the exception chain, and that no credential survives. */
class FailureReasonTest {

  private static final String PASSWORD = "s3cret-pw";
  private static final String TOKEN = "ghp_abcdef123456";

  private final Credentials credentials =
      Credentials.from(
          new RepositorySettings(
              "https://git.example.com/platform.git",
              "main",
              null,
              "GIT_USER",
              "GIT_PASSWORD",
              "GIT_TOKEN",
              null),
          Map.of("GIT_USER", "bob", "GIT_PASSWORD", PASSWORD, "GIT_TOKEN", TOKEN)::get);

  @Test
  void givenCredentialsInTheMessagesAndCauses_whenExplained_thenNoPasswordOrTokenRemains() {
    Exception e =
        new TransportException(
            "https://bob:" + PASSWORD + "@git.example.com/platform.git: not authorized",
            new IOException(
                "token " + TOKEN + " refused", new IOException("password " + PASSWORD)));

    String reason = FailureReason.of(e, credentials);

    assertThat(reason)
        .doesNotContain(PASSWORD)
        .doesNotContain(TOKEN)
        .doesNotContain("bob:")
        .isEqualTo(
            "fetch failed: https://git.example.com/platform.git: not authorized: token ****"
                + " refused: password ****");
  }

  @Test
  void givenACauseRepeatingItsWrapper_whenExplained_thenItIsSaidOnce() {
    Exception e =
        new TransportException(
            "https://git.example.com/platform.git: connection refused",
            new IOException("connection refused"));

    assertThat(FailureReason.of(e, credentials))
        .isEqualTo("fetch failed: https://git.example.com/platform.git: connection refused");
  }

  @Test
  void givenALongChain_whenExplained_thenTheFirstFourMessagesAreKept() {
    Exception e =
        new IOException(
            "one",
            new IOException(
                "two", new IOException("three", new IOException("four", new IOException("five")))));

    assertThat(FailureReason.of(e, credentials)).isEqualTo("fetch failed: one: two: three: four");
  }

  @Test
  void givenNoMessageAnywhere_whenExplained_thenTheKindOfFailureIsNamed() {
    assertThat(
            FailureReason.of(
                new org.eclipse.jgit.errors.TransportException((String) null), credentials))
        .isEqualTo("fetch failed: transport error");
    assertThat(FailureReason.of(new IllegalStateException(" "), credentials))
        .isEqualTo("fetch failed: IllegalStateException");
  }

  @Test
  void givenASecretAcrossTheLengthCap_whenExplained_thenItIsMaskedBeforeTheCut() {
    String before = "x".repeat(FailureReason.MAX_LENGTH - "fetch failed: ".length() - 4);
    Exception e = new IOException(before + TOKEN + " and more");

    String reason = FailureReason.of(e, credentials);

    assertThat(reason).hasSize(FailureReason.MAX_LENGTH).endsWith("****");
    assertThat(reason).doesNotContain(TOKEN.substring(0, 4));
  }
}
