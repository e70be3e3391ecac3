package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test (tagged {@code benchmark}, left out of {@code mvn verify}): how many
 * commits per second the collector publishes from a 2,000-commit repository to an in-memory sink,
 * with a checkpoint written (and flushed to disk) after each; the first fetch is timed apart. Run
 * it with
 *
 * <pre>
 * mvn -pl collectors -am test -Dtest=GitCollectorBenchmark -Dbenchmark.excluded=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class GitCollectorBenchmark {

  private static final int COMMITS = 2_000;
  private static final int APPLICATIONS = 50;

  @TempDir Path dir;

  @Test
  void publishTwoThousandCommits() {
    try (GitFixture remote = GitFixture.create(dir.resolve("platform.git"))) {
      // a platform repository: 50 applications, each a base and three overlays
      GitFixture.Commit layout = remote.commit().message("Lay out the applications");
      for (int app = 0; app < APPLICATIONS; app++) {
        String root = "apps/app-" + app;
        layout
            .put(root + "/base/kustomization.yaml", "resources: [deployment.yaml, service.yaml]\n")
            .put(root + "/base/deployment.yaml", "replicas: 1\n")
            .put(root + "/base/service.yaml", "port: 80\n");
        for (String env : List.of("dev", "staging", "prod")) {
          layout.put(
              root + "/overlays/" + env + "/kustomization.yaml", "resources: [../../base]\n");
        }
      }
      layout.create();
      for (int i = 1; i < COMMITS; i++) {
        String app = "apps/app-" + (i % APPLICATIONS);
        GitFixture.Commit commit = remote.commit().message("Change " + i);
        if (i % 10 == 0) {
          // every tenth commit touches a kustomization, so the graph is computed again
          commit.put(
              app + "/overlays/dev/kustomization.yaml", "resources: [../../base]\n# " + i + "\n");
        } else {
          commit.put(app + "/base/deployment.yaml", "replicas: " + i + "\n");
        }
        commit.create();
      }

      CapturingSink sink = new CapturingSink();
      try (GitCollector collector =
          new GitCollector(
              GitCollectorProperties.of(
                  dir.resolve("cache"), List.of(RepositorySettings.of(remote.url(), "main"))),
              sink,
              Clock.systemUTC(),
              name -> null)) {
        // first poll: the fetch, then a refused first publication (nothing published)
        sink.failAfter(0);
        long start = System.nanoTime();
        collector.poll();
        double fetch = (System.nanoTime() - start) / 1e9;
        sink.heal();
        // second poll: nothing left to fetch, every commit published with its checkpoint
        start = System.nanoTime();
        collector.poll();
        double publish = (System.nanoTime() - start) / 1e9;

        assertThat(sink.commits()).hasSize(COMMITS);
        System.out.printf(
            "Git collector: fetch of %d commits %.2f s; published %d commits in %.2f s: %.0f"
                + " commits/s (%.0f commits/s with the fetch)%n",
            COMMITS, fetch, COMMITS, publish, COMMITS / publish, COMMITS / (fetch + publish));
      }
    }
  }
}
