package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.git.BareClone.FetchFailed;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishException;
import dev.opsjournal.core.UrlCredentials;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.Observation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched repository and branch: its bare clone, its checkpoint and whether it is reachable.
 * Each {@link #poll()} fetches the branch and publishes, oldest first, what the journal has not
 * been sent yet.
 */
final class RepositoryPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RepositoryPoller.class);

  private final Duration pollInterval;
  private final String repoUrl;
  private final String branch;
  private final String source;
  private final Credentials credentials;
  private final int maxChangedPaths;
  private final ObservationSink sink;
  private final Clock clock;
  private final Checkpoints checkpoints;
  private final KustomizationResolver kustomizations;
  private final BareClone clone;
  private final Availability availability;
  private final FetchMeters meters;

  RepositoryPoller(
      RepositorySettings settings,
      GitCollectorProperties properties,
      Credentials credentials,
      ObservationSink sink,
      Clock clock,
      Checkpoints checkpoints,
      KustomizationResolver kustomizations,
      MeterRegistry meters) {
    this.pollInterval = settings.pollInterval();
    this.repoUrl = UrlCredentials.strip(settings.url());
    this.branch = settings.branch();
    this.source = Observation.gitSubject(repoUrl, branch);
    this.credentials = credentials;
    this.maxChangedPaths = properties.maxChangedPaths();
    this.sink = sink;
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.kustomizations = kustomizations;
    this.clone =
        new BareClone(
            settings,
            properties.cacheDir().resolve(RepositoryUrls.cacheDirectoryName(repoUrl, branch)),
            credentials,
            (int) Math.min(Integer.MAX_VALUE, properties.fetchTimeout().toSeconds()));
    this.availability = new Availability(repoUrl, branch, source, sink, clock, checkpoints);
    this.meters = new FetchMeters(meters, source, availability::isUnavailable);
  }

  /** {@code <repoUrl>#<branch>} without credentials: the Kafka key and the checkpoint's name. */
  String source() {
    return source;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  Path directory() {
    return clone.directory();
  }

  /**
   * Fetches and publishes what is new. Never throws: a failed fetch is reported as an outage, a
   * failed publication leaves the checkpoint where it was, and the next poll tries again.
   */
  synchronized void poll() {
    try {
      ObjectId head;
      Timer.Sample fetch = meters.start();
      try {
        head = clone.fetch();
      } catch (FetchFailed e) {
        meters.failed(fetch);
        availability.unavailable(e.getMessage());
        return;
      }
      meters.fetched(fetch);
      availability.available();
      publishNewCommits(clone.open(), head);
    } catch (PublishException e) {
      log.warn(
          "Could not publish for {} ({}); its checkpoint stays, the next poll tries again",
          source,
          credentials.redact(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      // unexpected (a damaged cache, a bug): the trace is worth having; JGit's exceptions name
      // URLs without their passwords
      log.error(
          "Polling {} failed ({}); its checkpoint stays, the next poll tries again",
          source,
          credentials.redact(String.valueOf(e.getMessage())),
          e);
    } finally {
      syncCheckpoints();
    }
  }

  private void syncCheckpoints() {
    try {
      checkpoints.sync();
    } catch (RuntimeException e) {
      log.warn("{}", e.getMessage()); // saved all the same; only a power loss could undo it
    }
  }

  private void publishNewCommits(Repository repo, ObjectId head) throws IOException {
    String checkpoint = checkpoint();
    ObjectId published = checkpoint == null ? null : ObjectId.fromString(checkpoint);
    if (published != null) {
      switch (HistoryWalk.step(repo, published, head)) {
        case UNCHANGED -> {
          clone.pin(published);
          return;
        }
        case FAST_FORWARD -> {}
        case REWRITTEN -> publishRewrite(ForcePush.between(repo, published, head));
        case LOST -> {
          publishLostCheckpoint(checkpoint, head);
          published = null;
        }
      }
    }
    publishCommits(repo, published, head);
    checkpoints.head(source).ifPresent(sha -> clone.pin(ObjectId.fromString(sha)));
  }

  /** The last published commit's sha as saved, or null: none yet, or not a sha. */
  private String checkpoint() {
    String checkpoint = checkpoints.head(source).orElse(null);
    if (checkpoint != null && !ObjectId.isId(checkpoint)) {
      log.warn("Checkpoint of {} is no sha ({}): starting from scratch", source, checkpoint);
      return null;
    }
    return checkpoint;
  }

  /** See {@link HistoryWalk.Step#LOST}: all that is known to be unreachable is the checkpoint. */
  private void publishLostCheckpoint(String checkpoint, ObjectId head) {
    log.warn(
        "Checkpoint {} of {} is neither in the cache {} nor on the branch: the history was"
            + " rewritten while the cache was lost; publishing the branch's history again",
        checkpoint,
        source,
        clone.directory());
    sink.publish(
        new HistoryRewriteObserved(
            repoUrl, branch, clock.instant(), checkpoint, head.name(), List.of(checkpoint)));
    checkpoints.saveHead(source, null);
  }

  private void publishRewrite(ForcePush push) {
    if (push.capped()) {
      log.warn(
          "The force push on {} drops {} commits: reporting the newest {}",
          source,
          push.unreachableCount(),
          push.unreachable().size());
    }
    sink.publish(push.observation(repoUrl, branch, clock.instant()));
    // from here the new commits follow the merge base: a crash before they are published must not
    // report the same rewrite again, nor lose them (no merge base: the whole new history)
    ObjectId base = push.mergeBase();
    checkpoints.saveHead(source, base == null ? null : base.name());
    log.info(
        "History of {} rewritten: {} -> {}, {} commits no longer reachable",
        source,
        push.oldHead().name(),
        push.newHead().name(),
        push.unreachable().size());
  }

  /** Every commit reachable from {@code head} and not from {@code published}, oldest first. */
  private void publishCommits(Repository repo, ObjectId published, ObjectId head)
      throws IOException {
    List<ObjectId> commits = HistoryWalk.commits(repo, head, published);
    int count = 0;
    try (CommitReader reader = new CommitReader(repo, kustomizations, maxChangedPaths)) {
      for (ObjectId commit : commits) {
        if (Thread.currentThread().isInterrupted()) {
          break; // stopping: the checkpoint is exact, the rest follows after the restart
        }
        sink.publish(reader.read(commit, repoUrl, branch, clone.defaultBranch(), clock.instant()));
        checkpoints.saveHead(source, commit.name());
        count++;
      }
    } finally {
      if (count > 0) {
        log.info("Published {} new commits of {} up to {}", count, source, head.name());
      }
    }
    if (commits.isEmpty() && !head.name().equals(checkpoints.head(source).orElse(null))) {
      checkpoints.saveHead(source, head.name()); // the branch went back to a published commit
    }
  }

  @Override
  public synchronized void close() {
    clone.close();
  }
}
