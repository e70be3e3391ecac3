package dev.opsjournal.server.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.GitCollector;
import dev.opsjournal.collectors.git.GitCollectorProperties;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.kubernetes.CapturedObjects;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a recorded capture and a Git repository into the journal as if they were live, keeping the
 * recorded times: every watch event mapped by the collectors' own mappers, every commit found by
 * the Git collector polling at its committer time + 30 s, interleaved in recorded-time order, with
 * a heartbeat every five minutes of recorded time carrying the newest {@code reconciledAt} seen so
 * far, so that time-based rules fire as they would have live. After each observation that changes
 * something the replay waits until the journal has taken it in, as the seconds between live
 * observations would let it.
 */
final class Replayer {

  private static final Logger log = LoggerFactory.getLogger(Replayer.class);
  static final Duration HEARTBEAT = Duration.ofMinutes(5);
  static final Duration COMMIT_SEEN_AFTER = Duration.ofSeconds(30);
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String COLLECTOR = "standalone-replay";

  private final ObservationSink sink;
  private final ObjectMapper json;
  private final JournalSettle settle;
  private final Path workDir;

  /** A replayer working in a directory of its own. */
  @FunctionalInterface
  interface Factory {
    Replayer create(Path workDir);
  }

  Replayer(ObservationSink sink, ObjectMapper json, JournalSettle settle, Path workDir) {
    this.sink = sink;
    this.json = json;
    this.settle = settle;
    this.workDir = workDir;
  }

  /** What a replay did. */
  record Summary(
      long values, long malformed, long published, long heartbeats, long commits, Duration took) {
    @Override
    public String toString() {
      return "%d values read (%d malformed), %d observations published (%d heartbeats, %d commits) in %d s"
          .formatted(values, malformed, published, heartbeats, commits, took.toSeconds());
    }
  }

  /** One step of the merged timeline: a watch event, or a commit becoming visible. */
  private record Step(Instant at, int order, CapturedValue value, RevCommit commit) {}

  Summary replay(ReplaySource source) throws IOException {
    long started = System.nanoTime();
    List<CapturedValue> values = new ArrayList<>();
    long[] malformed = {0};
    if (source.capture() != null) {
      log.info("Replay {}: reading the capture", source.name());
      try (Reader reader = source.capture().open()) {
        values =
            new CaptureReader(json)
                .read(
                    reader,
                    bad -> {
                      malformed[0]++;
                      log.warn("Replay {}: skipped {}", source.name(), bad);
                    });
      }
      log.info(
          "Replay {}: {} watch events read ({} malformed)",
          source.name(),
          values.size(),
          malformed[0]);
    }
    List<Step> steps = new ArrayList<>();
    values.forEach(v -> steps.add(new Step(v.at(), 1, v, null)));
    GitReplay git = source.git() == null ? null : new GitReplay(source);
    try {
      if (git != null) {
        for (RevCommit commit : git.commits()) {
          Instant at = Instant.ofEpochSecond(commit.getCommitTime()).plus(COMMIT_SEEN_AFTER);
          steps.add(new Step(at, 0, null, commit));
        }
      }
      steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
      Counters counters = play(source, steps, git);
      Summary summary =
          new Summary(
              values.size() + malformed[0],
              malformed[0] + counters.unmappable,
              counters.published,
              counters.heartbeats,
              counters.commits,
              Duration.ofNanos(System.nanoTime() - started));
      log.info("Replay {} done: {}", source.name(), summary);
      return summary;
    } finally {
      if (git != null) {
        git.close();
      }
      settle.close();
    }
  }

  private static final class Counters {
    long published;
    long heartbeats;
    long commits;
    long unmappable;
    long stepsDone;
  }

  private Counters play(ReplaySource source, List<Step> steps, GitReplay git) {
    CapturedObjects objects = new CapturedObjects(source.cluster());
    Counters counters = new Counters();
    Map<ResourceKey, ApplicationObserved> lastApplication = new HashMap<>();
    Instant latestReconciled = null;
    Instant nextHeartbeat = steps.isEmpty() ? null : firstBoundary(steps.get(0).at());
    boolean unsettled = false;
    int progressEvery = Math.max(1, source.progressEvery());
    for (Step step : steps) {
      while (nextHeartbeat != null && nextHeartbeat.isBefore(step.at())) {
        publish(
            new HeartbeatObserved(source.cluster(), COLLECTOR, nextHeartbeat, latestReconciled));
        counters.heartbeats++;
        counters.published++;
        nextHeartbeat = nextHeartbeat.plus(HEARTBEAT);
      }
      if (unsettled) {
        settle.await(PATIENCE);
        unsettled = false;
      }
      if (step.commit() != null) {
        counters.commits += git.reveal(step.commit(), step.at());
        unsettled = true;
      } else {
        CapturedValue value = step.value();
        Optional<Observation> mapped;
        try {
          mapped = objects.map(value.object(), value.action(), value.at());
        } catch (IllegalArgumentException e) {
          counters.unmappable++;
          log.warn(
              "Replay {}: skipped value #{} at offset {}: {}",
              source.name(),
              value.index(),
              value.offset(),
              e.getMessage());
          mapped = Optional.empty();
        }
        if (mapped.isPresent()) {
          Observation observation = mapped.get();
          boolean routine = false;
          if (observation instanceof ApplicationObserved app) {
            routine = isRefresh(lastApplication.get(app.application()), app);
            lastApplication.put(app.application(), app);
            Instant reconciled = app.status() == null ? null : app.status().reconciledAt();
            if (reconciled != null
                && (latestReconciled == null || reconciled.isAfter(latestReconciled))) {
              latestReconciled = reconciled;
            }
          }
          publish(observation);
          counters.published++;
          unsettled = !routine;
        }
      }
      counters.stepsDone++;
      if (counters.stepsDone % progressEvery == 0) {
        log.info(
            "Replay {}: {} of {} steps, recorded time {}",
            source.name(),
            counters.stepsDone,
            steps.size(),
            step.at());
      }
    }
    if (!steps.isEmpty()) {
      Instant last = steps.get(steps.size() - 1).at();
      while (nextHeartbeat != null && !nextHeartbeat.isAfter(last)) {
        publish(
            new HeartbeatObserved(source.cluster(), COLLECTOR, nextHeartbeat, latestReconciled));
        counters.heartbeats++;
        counters.published++;
        nextHeartbeat = nextHeartbeat.plus(HEARTBEAT);
      }
    }
    settle.await(PATIENCE);
    return counters;
  }

  private void publish(Observation observation) {
    sink.publish(observation);
  }

  /** The first heartbeat boundary (a multiple of five minutes) at or after {@code at}. */
  static Instant firstBoundary(Instant at) {
    long step = HEARTBEAT.toSeconds();
    long seconds = at.getEpochSecond();
    long boundary = Math.floorDiv(seconds, step) * step;
    if (boundary < seconds || at.getNano() > 0) {
      boundary += step;
    }
    return Instant.ofEpochSecond(boundary);
  }

  /** A refresh: only {@code reconciledAt} (and the resourceVersion) moved. */
  static boolean isRefresh(ApplicationObserved before, ApplicationObserved now) {
    if (before == null || before.action() != now.action() || now.status() == null) {
      return false;
    }
    ApplicationObserved.Status a = before.status();
    ApplicationObserved.Status b = now.status();
    return a != null
        && Objects.equals(before.spec(), now.spec())
        && Objects.equals(before.labels(), now.labels())
        && Objects.equals(before.annotations(), now.annotations())
        && Objects.equals(a.syncStatus(), b.syncStatus())
        && Objects.equals(a.syncRevision(), b.syncRevision())
        && Objects.equals(a.healthStatus(), b.healthStatus())
        && Objects.equals(a.operationState(), b.operationState())
        && Objects.equals(a.conditions(), b.conditions())
        && Objects.equals(a.resources(), b.resources())
        && Objects.equals(a.history(), b.history());
  }

  /**
   * The Git side: a bare mirror holding every object of the repository, whose branch is moved to
   * one commit after another, and the Git collector polling it at each commit's time. What it
   * publishes carries the URL the Applications name instead of the mirror's.
   */
  private final class GitReplay implements AutoCloseable {

    private final Path repository;
    private final String branch;
    private final Repository mirror;
    private final GitCollector collector;
    private final ReplayClock clock = new ReplayClock(Instant.EPOCH);

    GitReplay(ReplaySource source) throws IOException {
      this.repository = gitDir(source.git());
      this.branch = source.branch();
      Path dir = workDir.resolve("git");
      if (Files.exists(dir)) {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE);
      }
      Path mirrorDir = dir.resolve("mirror.git");
      try (Git init =
          Git.init()
              .setBare(true)
              .setInitialBranch(branch)
              .setDirectory(mirrorDir.toFile())
              .call()) {
        init.fetch()
            .setRemote(repository.toUri().toString())
            .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/replay/source"))
            .call();
      } catch (GitAPIException e) {
        throw new IllegalStateException(
            "cannot read branch " + branch + " of the Git repository " + repository, e);
      }
      this.mirror = new FileRepositoryBuilder().setGitDir(mirrorDir.toFile()).build();
      String mirrorUrl = mirrorDir.toUri().toString();
      String url =
          source.gitUrl() == null || source.gitUrl().isBlank()
              ? repository.toUri().toString().replaceAll("/$", "")
              : source.gitUrl();
      log.info(
          "Replay {}: Git repository {} branch {} as {}", source.name(), repository, branch, url);
      this.collector =
          new GitCollector(
              GitCollectorProperties.of(
                  dir.resolve("cache"),
                  List.of(
                      new RepositorySettings(
                          mirrorUrl, branch, Duration.ofDays(3650), null, null, null, true))),
              observation -> sink.publish(renamed(observation, url)),
              clock);
    }

    List<RevCommit> commits() throws IOException {
      ObjectId head = mirror.resolve("refs/replay/source");
      if (head == null) {
        throw new IllegalStateException(repository + " has no branch " + branch);
      }
      try (RevWalk walk = new RevWalk(mirror)) {
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        List<RevCommit> commits = new ArrayList<>();
        walk.forEach(commits::add);
        return commits;
      }
    }

    /** Moves the branch to {@code commit} and polls at {@code at}; returns how many were new. */
    long reveal(RevCommit commit, Instant at) {
      try {
        RefUpdate update = mirror.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
          throw new IllegalStateException("cannot move the replay's " + branch + ": " + result);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      clock.set(at);
      collector.poll();
      return 1;
    }

    @Override
    public void close() {
      collector.close();
      mirror.close();
    }
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
