package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets are created in each namespace (deploy/README.md), never rendered from Git. */
class SecretsTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void noSecretIsKeptInGit(String env) {
    assertThat(rendered(env))
        .as("%s: Secrets are referenced (secretKeyRef, secret volumes), never written in Git", env)
        .noneMatch(m -> "Secret".equals(m.kind()));
  }
}
