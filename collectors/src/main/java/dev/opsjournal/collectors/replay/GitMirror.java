package dev.opsjournal.collectors.replay;

import dev.opsjournal.collectors.git.GitCollector;
import dev.opsjournal.collectors.git.GitCollectorProperties;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FileUtils;

/**
 * The Git side of a replay: a bare mirror holding every object of the repository, whose branch is
 * moved to one commit after another, and the Git collector polling it at each commit's time. What
 * it publishes carries the URL the Applications name instead of the mirror's.
 */
final class GitMirror implements AutoCloseable {

  private static final String SOURCE_REF = "refs/replay/source";

  private final Path repository;
  private final String branch;
  private final Repository mirror;
  private final GitCollector collector;
  private final ReplayClock clock = new ReplayClock(Instant.EPOCH);
  private long published;

  /**
   * A mirror of {@code branch} of {@code repository} (a work tree or a bare repository) in {@code
   * workDir/git}, made anew; the collector publishes to {@code sink} under {@code url}.
   */
  GitMirror(Path repository, String branch, String url, Path workDir, ObservationSink sink)
      throws IOException {
    this.repository = gitDir(repository);
    this.branch = branch;
    Path dir = workDir.resolve("git");
    if (Files.exists(dir)) {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE);
    }
    Path mirrorDir = dir.resolve("mirror.git");
    try (Git init =
        Git.init().setBare(true).setInitialBranch(branch).setDirectory(mirrorDir.toFile()).call()) {
      init.fetch()
          .setRemote(this.repository.toUri().toString())
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + SOURCE_REF))
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(
          "cannot read branch " + branch + " of the Git repository " + this.repository, e);
    }
    this.mirror = new FileRepositoryBuilder().setGitDir(mirrorDir.toFile()).build();
    this.collector =
        new GitCollector(
            GitCollectorProperties.of(
                dir.resolve("cache"),
                List.of(
                    new RepositorySettings(
                        mirrorDir.toUri().toString(),
                        branch,
                        Duration.ofDays(3650),
                        null,
                        null,
                        null,
                        true))),
            observation -> {
              sink.publish(renamed(observation, url));
              if (observation instanceof CommitObserved) {
                published++;
              }
            },
            clock);
  }

  /** The repository's own URL when none is given: its {@code file://} URL. */
  static String defaultUrl(Path repository) {
    return gitDir(repository).toUri().toString().replaceAll("/$", "");
  }

  /** The branch's commits, parents before their children. */
  List<Timeline.Commit> commits() throws IOException {
    ObjectId head = mirror.resolve(SOURCE_REF);
    if (head == null) {
      throw new IllegalStateException(repository + " has no branch " + branch);
    }
    try (RevWalk walk = new RevWalk(mirror)) {
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(head));
      List<Timeline.Commit> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(
            new Timeline.Commit(commit.name(), Instant.ofEpochSecond(commit.getCommitTime())));
      }
      return commits;
    }
  }

  /**
   * Moves the branch to {@code sha} and lets the collector poll at {@code at}; returns how many
   * commits it published: those the move made reachable that it had not published before.
   */
  long reveal(String sha, Instant at) {
    try {
      RefUpdate update = mirror.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(ObjectId.fromString(sha));
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
        throw new IllegalStateException("cannot move the replay's " + branch + ": " + result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    clock.set(at);
    long before = published;
    collector.poll();
    return published - before;
  }

  @Override
  public void close() {
    collector.close();
    mirror.close();
  }

  /** A work tree's {@code .git}, or the directory itself for a bare repository. */
  static Path gitDir(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute.resolve(".git"))) {
      return absolute.resolve(".git");
    }
    if (Files.exists(absolute.resolve("HEAD")) && Files.isDirectory(absolute.resolve("objects"))) {
      return absolute;
    }
    throw new IllegalArgumentException(
        path + " is not a Git repository (neither a work tree with .git nor a bare repository)");
  }

  /** The Git collector's observations of the mirror, under the repository's own URL. */
  static Observation renamed(Observation observation, String to) {
    if (observation instanceof CommitObserved c) {
      return new CommitObserved(
          to,
          c.branch(),
          c.defaultBranch(),
          c.observedAt(),
          c.sha(),
          c.parents(),
          c.author(),
          c.committer(),
          c.message(),
          c.changedPaths(),
          c.kustomizations());
    }
    if (observation instanceof SourceUnavailableObserved u) {
      return new SourceUnavailableObserved(to, u.branch(), u.observedAt(), u.reason());
    }
    if (observation instanceof SourceRecoveredObserved r) {
      return new SourceRecoveredObserved(to, r.branch(), r.observedAt());
    }
    return observation;
  }
}
