package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.core.UrlCredentials;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
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
 * The local bare clone of one watched branch: opened (or created) on first use, fetched each poll,
 * with whether the branch is the remote's default, and the ref that pins the last published commit.
 */
final class BareClone implements AutoCloseable {

  /** The last published commit in the clone (see {@link #pin}). */
  static final String PUBLISHED_REF = "refs/opsjournal/published";

  private static final Logger log = LoggerFactory.getLogger(BareClone.class);

  private final RepositorySettings settings;
  private final String repoUrl;
  private final String branch;
  private final String trackingRef;
  private final Path directory;
  private final Credentials credentials;
  private final int fetchTimeoutSeconds;

  private Repository repository;
  private boolean defaultBranch;

  BareClone(
      RepositorySettings settings,
      Path directory,
      Credentials credentials,
      int fetchTimeoutSeconds) {
    this.settings = settings;
    this.repoUrl = UrlCredentials.strip(settings.url());
    this.branch = settings.branch();
    this.trackingRef = Constants.R_REMOTES + "origin/" + branch;
    this.directory = directory;
    this.credentials = credentials;
    this.fetchTimeoutSeconds = fetchTimeoutSeconds;
    this.defaultBranch = Boolean.TRUE.equals(settings.defaultBranch());
  }

  Path directory() {
    return directory;
  }

  /** Whether the branch is the remote's default, as the last fetch (or the settings) tell. */
  boolean defaultBranch() {
    return defaultBranch;
  }

  /** The clone, opened or created on first use. */
  Repository open() throws IOException {
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

  /** The branch's new head after a fetch, with {@link #defaultBranch()} brought up to date. */
  ObjectId fetch() throws FetchFailed, IOException {
    Repository repo = open();
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
      throw new FetchFailed(FailureReason.of(e, credentials));
    }
    Ref fetched = repo.exactRef(trackingRef);
    if (fetched == null || fetched.getObjectId() == null) {
      throw new FetchFailed("branch " + branch + " not found in " + repoUrl);
    }
    defaultBranch = isDefaultBranch(repo, result);
    return fetched.getObjectId();
  }

  /**
   * Keeps the last published commit reachable in the clone, so that even a {@code git gc} run on it
   * keeps the commits a later force push makes unreachable, for the rewrite to list them.
   */
  void pin(ObjectId published) {
    try {
      RefUpdate update = open().updateRef(PUBLISHED_REF);
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

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  /** A fetch that did not work; the message is the reason, already free of credentials. */
  static final class FetchFailed extends Exception {
    FetchFailed(String reason) {
      super(reason, null, false, false);
    }
  }
}
