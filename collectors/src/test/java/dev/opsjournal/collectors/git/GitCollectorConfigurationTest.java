package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.publish.ObservationSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Git collector in a Spring application: off by default, bound from properties, scheduled. */
class GitCollectorConfigurationTest {

  private static final Instant NOW = Instant.parse("2026-11-16T09:00:30Z");

  @TempDir Path dir;
  private final CapturingSink sink = new CapturingSink();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(GitCollectorConfiguration.class))
          .withBean(ObservationSink.class, () -> sink)
          .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givenNoSetting_whenTheApplicationStarts_thenTheGitCollectorIsOff() {
    runner.run(context -> assertThat(context).doesNotHaveBean(GitCollector.class));
    runner
        .withPropertyValues("opsjournal.collectors.git.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(GitCollector.class));
  }

  @Test
  void givenRepositoriesConfigured_whenTheApplicationRuns_thenEachIsBoundAndPolledOnSchedule() {
    try (GitFixture remote = GitFixture.create(dir.resolve("platform.git"))) {
      String first = remote.commit().put("a", "1").create();
      runner
          .withPropertyValues(
              "opsjournal.collectors.git.enabled=true",
              "opsjournal.collectors.git.cache-dir=" + dir.resolve("cache"),
              "opsjournal.collectors.git.max-changed-paths=100",
              "opsjournal.collectors.git.repositories[0].url=" + remote.url(),
              "opsjournal.collectors.git.repositories[0].poll-interval=200ms",
              "opsjournal.collectors.git.repositories[0].token-env=NO_SUCH_VARIABLE",
              "opsjournal.collectors.git.repositories[1].url=http://127.0.0.1:1/x.git",
              "opsjournal.collectors.git.repositories[1].branch=release",
              "opsjournal.collectors.git.repositories[1].default-branch=false")
          .run(
              context -> {
                GitCollectorProperties properties = context.getBean(GitCollectorProperties.class);
                assertThat(properties.cacheDir()).isEqualTo(dir.resolve("cache"));
                assertThat(properties.maxChangedPaths()).isEqualTo(100);
                assertThat(properties.repositories().get(0).pollInterval())
                    .isEqualTo(Duration.ofMillis(200));
                assertThat(properties.repositories().get(0).branch()).isEqualTo("main");
                assertThat(properties.repositories().get(0).tokenEnv())
                    .isEqualTo("NO_SUCH_VARIABLE");
                assertThat(properties.repositories().get(1).defaultBranch()).isFalse();
                assertThat(context.getBean(GitCollector.class).sources())
                    .containsExactly(remote.url() + "#main", "http://127.0.0.1:1/x.git#release");

                await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> sink.commitShas().contains(first));
                String second = remote.commit().put("a", "2").create();
                await()
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                        () -> assertThat(sink.commitShas()).containsExactly(first, second));
                assertThat(sink.commits()).allMatch(c -> c.observedAt().equals(NOW));
                assertThat(context.getBean(GitPollScheduler.class).isRunning()).isTrue();
              });
    }
  }

  @Test
  void givenTheAutoConfigurationImports_whenRead_thenTheGitCollectorIsRegisteredBesideThePublisher()
      throws IOException {
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
          .contains(
              "dev.opsjournal.collectors.publish.PublishConfiguration",
              GitCollectorConfiguration.class.getName());
    }
  }
}
