package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishException;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched repository and branch: its bare clone, its checkpoint and whether it is reachable.
 * Each {@link #poll()} fetches the branch and publishes, oldest first, what the journal has not
 * been sent yet.
 */
final class RepositoryPoller implements AutoCloseable {

  /**
   * The most unreachable commits one force push reports: 20,000 shas of 43 bytes keep the
   * observation under the ingest's 1 MiB. The newest are kept: they are the ones that may have run.
   */
  static final int MAX_UNREACHABLE = 20_000;

  /** The last published commit in the cache (see {@link #pin}). */
  static final String PUBLISHED_REF = "refs/opsjournal/published";

  private static final Logger log = LoggerFactory.getLogger(RepositoryPoller.class);

  private final RepositorySettings settings;
  private final String repoUrl;
  private final String branch;
  private final String source;
  private final String trackingRef;
  private final Path directory;
  private final Credentials credentials;
  private final int fetchTimeoutSeconds;
  private final int maxChangedPaths;
  private final ObservationSink sink;
  private final Clock clock;
  private final Checkpoints checkpoints;
  private final KustomizationResolver kustomizations;

  private Repository repository;
  private boolean unavailable;
  private boolean defaultBranch;

  RepositoryPoller(
      RepositorySettings settings,
      GitCollectorProperties properties,
      Credentials credentials,
      ObservationSink sink,
      Clock clock,
      Checkpoints checkpoints,
      KustomizationResolver kustomizations) {
    this.settings = settings;
    this.repoUrl = RepositoryUrls.withoutCredentials(settings.url());
    this.branch = settings.branch();
    this.source = Observation.gitSubject(repoUrl, branch);
    this.trackingRef = Constants.R_REMOTES + "origin/" + branch;
    this.directory =
        properties.cacheDir().resolve(RepositoryUrls.cacheDirectoryName(repoUrl, branch));
    this.credentials = credentials;
    this.fetchTimeoutSeconds =
        (int) Math.min(Integer.MAX_VALUE, properties.fetchTimeout().toSeconds());
    this.maxChangedPaths = properties.maxChangedPaths();
    this.sink = sink;
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.kustomizations = kustomizations;
    this.unavailable = checkpoints.unavailable(source);
    this.defaultBranch = Boolean.TRUE.equals(settings.defaultBranch());
  }

  /** {@code <repoUrl>#<branch>} without credentials: the Kafka key and the checkpoint's name. */
  String source() {
    return source;
  }

  Duration pollInterval() {
    return settings.pollInterval();
  }

  Path directory() {
    return directory;
  }

  /**
   * Fetches and publishes what is new. Never throws: a failed fetch is reported as an outage, a
   * failed publication leaves the checkpoint where it was, and the next poll tries again.
   */
  synchronized void poll() {
    try {
      Repository repo = open();
      ObjectId head;
      try {
        head = fetch(repo);
      } catch (FetchFailed e) {
        reportUnavailable(e.getMessage());
        return;
      }
      reportRecovered();
      publishNewCommits(repo, head);
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

  private Repository open() throws IOException {
    if (repository == null) {
      Repository repo;
      if (Files.isRegularFile(directory.resolve(Constants.HEAD))) {
        repo = new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
      } else {
        Files.createDirectories(directory);
        try {
          repo = Git.init().setBare(true).setDirectory(directory.toFile()).call().getRepository();
        } catch (GitAPIException e) {
          throw new IOException("cannot create the Git cache " + directory, e);
        }
      }
      // JGit runs an automatic gc after each fetch (gc.auto thresholds keep it rare and the clone
      // small); in the poll's own thread rather than detached, so nothing touches the clone
      // after a poll returned. Published commits stay reachable through PUBLISHED_REF.
      StoredConfig config = repo.getConfig();
      if (config.getBoolean(ConfigConstants.CONFIG_GC_SECTION, "autoDetach", true)) {
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, "autoDetach", false);
        config.save();
      }
      repository = repo;
    }
    return repository;
  }

  /** The branch's new head after a fetch, with {@link #defaultBranch} brought up to date. */
  private ObjectId fetch(Repository repo) throws FetchFailed, IOException {
    FetchResult result;
    try {
      result =
          Git.wrap(repo)
              .fetch()
              .setRemote(settings.url())
              // forced: a force push must reach the cache; the old objects stay in it, unpruned
              .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + trackingRef))
              .setTagOpt(TagOpt.NO_TAGS)
              .setCredentialsProvider(credentials.provider())
              .setTimeout(fetchTimeoutSeconds)
              .call();
    } catch (GitAPIException | JGitInternalException e) {
      throw new FetchFailed(reason(e));
    }
    Ref fetched = repo.exactRef(trackingRef);
    if (fetched == null || fetched.getObjectId() == null) {
      throw new FetchFailed("branch " + branch + " not found in " + repoUrl);
    }
    defaultBranch = isDefaultBranch(repo, result);
    return fetched.getObjectId();
  }

  /**
   * Whether the branch is the remote's {@code HEAD}, unless configured. A protocol v0 server
   * advertises {@code HEAD} with every fetch; a v2 server lists only the refs asked for, and then
   * one more short request asks for {@code HEAD} alone.
   */
  private boolean isDefaultBranch(Repository repo, FetchResult result) {
    if (settings.defaultBranch() != null) {
      return settings.defaultBranch();
    }
    Ref head = result.getAdvertisedRef(Constants.HEAD);
    if (head == null) {
      head = remoteHead(repo);
    }
    if (head == null) {
      return defaultBranch; // not told: keep what was last known
    }
    if (head.isSymbolic()) {
      return head.getTarget().getName().equals(Constants.R_HEADS + branch);
    }
    // a server that does not name HEAD's target: HEAD on the branch's commit is the best guess
    Ref advertised = result.getAdvertisedRef(Constants.R_HEADS + branch);
    return advertised != null
        && head.getObjectId() != null
        && head.getObjectId().equals(advertised.getObjectId());
  }

  private Ref remoteHead(Repository repo) {
    try (Transport transport = Transport.open(repo, new URIish(settings.url()))) {
      transport.setCredentialsProvider(credentials.provider());
      transport.setTimeout(fetchTimeoutSeconds);
      try (FetchConnection connection = transport.openFetch(List.of(), Constants.HEAD)) {
        return connection.getRef(Constants.HEAD);
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      log.debug(
          "Cannot read the remote HEAD of {}: {}", repoUrl, credentials.redact(e.getMessage()));
      return null;
    }
  }

  private void publishNewCommits(Repository repo, ObjectId head) throws IOException {
    String checkpoint = checkpoints.head(source).orElse(null);
    if (checkpoint != null && !ObjectId.isId(checkpoint)) {
      log.warn("Checkpoint of {} is no sha ({}): starting from scratch", source, checkpoint);
      checkpoint = null;
    }
    ObjectId published = null;
    if (checkpoint != null) {
      ObjectId old = ObjectId.fromString(checkpoint);
      if (old.equals(head)) {
        pin(repo, old);
        return;
      }
      if (!repo.getObjectDatabase().has(old)) {
        // a fetch brings every ancestor of the head: the checkpoint is no longer on the branch,
        // and the cache holding the commits lost with it is gone too
        log.warn(
            "Checkpoint {} of {} is neither in the cache {} nor on the branch: the history was"
                + " rewritten while the cache was lost; publishing the branch's history again",
            checkpoint,
            source,
            directory);
        sink.publish(
            new HistoryRewriteObserved(
                repoUrl, branch, clock.instant(), checkpoint, head.name(), List.of(checkpoint)));
        checkpoints.saveHead(source, null);
      } else if (isAncestor(repo, old, head)) {
        published = old;
      } else {
        publishRewrite(repo, old, head);
        published = old;
      }
    }
    publishCommits(repo, published, head);
    checkpoints.head(source).ifPresent(sha -> pin(repo, ObjectId.fromString(sha)));
  }

  /**
   * Keeps the last published commit reachable in the cache, so that even a {@code git gc} run on it
   * keeps the commits a later force push makes unreachable, for the rewrite to list them.
   */
  private void pin(Repository repo, ObjectId published) {
    try {
      RefUpdate update = repo.updateRef(PUBLISHED_REF);
      if (published.equals(update.getOldObjectId())) {
        return;
      }
      update.setNewObjectId(published);
      update.setForceUpdate(true);
      update.update();
    } catch (IOException e) {
      log.debug("Cannot pin {} in {}: {}", published.name(), directory, e.getMessage());
    }
  }

  /** A force push: the old head is no longer an ancestor of the new one. */
  private void publishRewrite(Repository repo, ObjectId oldHead, ObjectId newHead)
      throws IOException {
    List<ObjectId> lost = commits(repo, oldHead, newHead);
    if (lost.size() > MAX_UNREACHABLE) {
      log.warn(
          "The force push on {} drops {} commits: reporting the newest {}",
          source,
          lost.size(),
          MAX_UNREACHABLE);
      lost = lost.subList(lost.size() - MAX_UNREACHABLE, lost.size());
    }
    sink.publish(
        new HistoryRewriteObserved(
            repoUrl,
            branch,
            clock.instant(),
            oldHead.name(),
            newHead.name(),
            lost.stream().map(ObjectId::name).toList()));
    // from here the new commits follow the merge base: a crash before they are published must not
    // report the same rewrite again, nor lose them (no merge base: the whole new history)
    ObjectId base = mergeBase(repo, oldHead, newHead);
    checkpoints.saveHead(source, base == null ? null : base.name());
    log.info(
        "History of {} rewritten: {} -> {}, {} commits no longer reachable",
        source,
        oldHead.name(),
        newHead.name(),
        lost.size());
  }

  /** Every commit reachable from {@code head} and not from {@code published}, oldest first. */
  private void publishCommits(Repository repo, ObjectId published, ObjectId head)
      throws IOException {
    List<ObjectId> commits = commits(repo, head, published);
    int count = 0;
    try (CommitReader reader = new CommitReader(repo, kustomizations, maxChangedPaths)) {
      for (ObjectId commit : commits) {
        if (Thread.currentThread().isInterrupted()) {
          break; // stopping: the checkpoint is exact, the rest follows after the restart
        }
        sink.publish(reader.read(commit, repoUrl, branch, defaultBranch, clock.instant()));
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

  /**
   * The commits reachable from {@code from} and not from {@code except}, oldest first: parents
   * before children, the first-parent line and merged branches in commit time order.
   */
  private static List<ObjectId> commits(Repository repo, ObjectId from, ObjectId except)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRetainBody(false); // only the order here; each commit is read on its own later
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.COMMIT_TIME_DESC, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(from));
      if (except != null) {
        walk.markUninteresting(walk.parseCommit(except));
      }
      List<ObjectId> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(commit.copy());
      }
      return commits;
    }
  }

  private static boolean isAncestor(Repository repo, ObjectId ancestor, ObjectId head)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(head));
    }
  }

  private static ObjectId mergeBase(Repository repo, ObjectId a, ObjectId b) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    }
  }

  private void reportUnavailable(String reason) {
    if (unavailable) {
      log.debug("{} still unavailable: {}", source, reason);
      return; // once per outage
    }
    sink.publish(new SourceUnavailableObserved(repoUrl, branch, clock.instant(), reason));
    checkpoints.saveUnavailable(source, true);
    unavailable = true;
    log.warn("Git source {} is unavailable: {}", source, reason);
  }

  private void reportRecovered() {
    if (!unavailable) {
      return;
    }
    sink.publish(new SourceRecoveredObserved(repoUrl, branch, clock.instant()));
    checkpoints.saveUnavailable(source, false);
    unavailable = false;
    log.info("Git source {} is available again", source);
  }

  /** Why a fetch failed, from the exception and its causes, without any credential. */
  private String reason(Exception e) {
    Set<String> parts = new LinkedHashSet<>();
    for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      String part = message.strip();
      if (parts.stream().noneMatch(p -> p.contains(part))) {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      parts.add(e instanceof TransportException ? "transport error" : e.getClass().getSimpleName());
    }
    String reason = credentials.redact("fetch failed: " + String.join(": ", parts));
    return reason.length() > 1_000 ? reason.substring(0, 1_000) : reason;
  }

  @Override
  public synchronized void close() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  /** A fetch that did not work; the message is the reason, already free of credentials. */
  private static final class FetchFailed extends Exception {
    FetchFailed(String reason) {
      super(reason, null, false, false);
    }
  }
}
