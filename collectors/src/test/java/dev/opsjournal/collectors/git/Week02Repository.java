package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.replay.ExampleRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code platform} repository of Week 02 ({@code shared/scenarios/week-02.md}), built with JGit
 * as a bare repository in a directory: c1 (alice, Monday 09:00) adds the ops-journal base and its
 * dev, staging and prod overlays; c2 (bob, Monday 10:00) adds the dev Argo CD Application; c3
 * (alice, Wednesday 09:00) adds the staging one. Branch {@code main}, also the default branch.
 *
 * <p>Public for the end-to-end test of {@code query-api} (through the collectors' test-jar): create
 * it up to c2, let the collector publish, add c3 later with {@link #commitUpTo(int)}.
 */
public final class Week02Repository implements AutoCloseable {

  public static final String BRANCH = "main";

  /**
   * The bundled example's commits ({@code examples/week-02/platform/} in collectors' resources).
   */
  private static final ExampleRepository PLATFORM = ExampleRepository.load("week-02");

  /** The repository URL the Application manifests name (that of the journal core's Week 02). */
  public static final String DEFAULT_APPLICATION_REPO_URL = PLATFORM.url();

  public static final String C1_MESSAGE = "Add ops-journal base and dev, staging, prod overlays";
  public static final String C2_MESSAGE = "Deploy ops-journal to dev with Argo CD";
  public static final String C3_MESSAGE = "Deploy ops-journal to staging with Argo CD";

  public static final Instant C1_AT = Instant.parse("2026-11-16T09:00:00Z");
  public static final Instant C2_AT = Instant.parse("2026-11-16T10:00:00Z");
  public static final Instant C3_AT = Instant.parse("2026-11-18T09:00:00Z");

  public static final String BASE = "apps/ops-journal/base";
  public static final String DEV_OVERLAY = "apps/ops-journal/overlays/dev";
  public static final String STAGING_OVERLAY = "apps/ops-journal/overlays/staging";
  public static final String PROD_OVERLAY = "apps/ops-journal/overlays/prod";

  private final GitFixture git;
  private final String applicationRepoUrl;
  private final List<String> shas = new ArrayList<>();

  private Week02Repository(GitFixture git, String applicationRepoUrl) {
    this.git = git;
    this.applicationRepoUrl = applicationRepoUrl;
  }

  /** The repository in {@code directory} (created, must not exist yet) with commits c1..c{upTo}. */
  public static Week02Repository create(Path directory, int upTo) {
    return create(directory, upTo, DEFAULT_APPLICATION_REPO_URL);
  }

  /**
   * As {@link #create(Path, int)}, with the Applications' {@code repoURL} set to {@code
   * applicationRepoUrl} (e.g. the {@code file://} URL the collector watches).
   */
  public static Week02Repository create(Path directory, int upTo, String applicationRepoUrl) {
    Week02Repository week = new Week02Repository(GitFixture.create(directory), applicationRepoUrl);
    week.commitUpTo(upTo);
    return week;
  }

  /** Adds the commits after the last one made, up to c{upTo} (0..3); returns the new shas. */
  public List<String> commitUpTo(int upTo) {
    if (upTo < 0 || upTo > 3) {
      throw new IllegalArgumentException("Week 02 has commits c1, c2 and c3, not c" + upTo);
    }
    List<String> made = new ArrayList<>();
    while (shas.size() < upTo) {
      String sha = commit(shas.size() + 1);
      shas.add(sha);
      made.add(sha);
    }
    return made;
  }

  /** The sha of c{n}, n in 1..3, once made. */
  public String sha(int n) {
    return shas.get(n - 1);
  }

  /** The shas made so far, c1 first. */
  public List<String> shas() {
    return List.copyOf(shas);
  }

  /**
   * A force push: c{replaced}'s content again in a new commit by {@code author} at {@code at}, on
   * c{replaced - 1}, and {@code main} moved to it, leaving c{replaced} and every later commit
   * unreachable (they are forgotten here: {@link #sha} then names the new history).
   *
   * @return the new head
   */
  public String forcePushReplacing(int replaced, String author, Instant at, String message) {
    if (replaced < 2 || replaced > shas.size()) {
      throw new IllegalArgumentException("c" + replaced + " cannot be replaced");
    }
    ExampleRepository.Commit content = PLATFORM.commits().get(replaced - 1);
    var builder = git.commit(BRANCH).on(sha(replaced - 1)).by(author, at).message(message);
    content
        .files()
        .forEach(
            (path, text) -> builder.put(path, text.replace(PLATFORM.url(), applicationRepoUrl)));
    String head = builder.create(); // moves the branch whatever its head was, as a force push
    shas.subList(replaced - 1, shas.size()).clear();
    shas.add(head);
    return head;
  }

  /** The {@code file://} URL to watch. */
  public String url() {
    return git.url();
  }

  public Path directory() {
    return git.directory();
  }

  @Override
  public void close() {
    git.close();
  }

  /** Commits c{number} of the bundled example: the same content, one commit at a time. */
  private String commit(int number) {
    ExampleRepository.Commit commit = PLATFORM.commits().get(number - 1);
    var builder = git.commit(BRANCH).by(commit.author(), commit.at()).message(commit.message());
    // the Applications name the repository they are served from
    commit
        .files()
        .forEach(
            (path, text) -> builder.put(path, text.replace(PLATFORM.url(), applicationRepoUrl)));
    return builder.create();
  }
}
