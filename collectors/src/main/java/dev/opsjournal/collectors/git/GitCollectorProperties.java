package dev.opsjournal.collectors.git;

import dev.opsjournal.core.UrlCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Git collector's configuration. Credentials are never configuration values: a repository names
 * the environment variables that hold them.
 *
 * @param enabled whether the collector runs (off unless asked for)
 * @param cacheDir where the bare clones and the checkpoint file live; keep it across restarts
 * @param repositories what to watch
 * @param maxChangedPaths the most changed paths one commit observation carries; a bigger commit is
 *     published with the first ones (the ingest refuses observations over 1 MiB)
 * @param fetchTimeout how long one fetch may stall before it counts as failed
 */
@ConfigurationProperties("opsjournal.collectors.git")
public record GitCollectorProperties(
    boolean enabled,
    Path cacheDir,
    List<RepositorySettings> repositories,
    Integer maxChangedPaths,
    Duration fetchTimeout) {

  public static final int DEFAULT_MAX_CHANGED_PATHS = 5_000;

  public GitCollectorProperties {
    cacheDir = cacheDir == null ? Path.of("./data/git") : cacheDir;
    repositories = repositories == null ? List.of() : List.copyOf(repositories);
    maxChangedPaths = maxChangedPaths == null ? DEFAULT_MAX_CHANGED_PATHS : maxChangedPaths;
    if (maxChangedPaths < 1) {
      throw new IllegalArgumentException(
          "opsjournal.collectors.git.max-changed-paths must be at least 1");
    }
    fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(30) : fetchTimeout;
    if (fetchTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "opsjournal.collectors.git.fetch-timeout must be at least one second");
    }
  }

  /** Settings for one run with the defaults of everything but the repositories. */
  public static GitCollectorProperties of(Path cacheDir, List<RepositorySettings> repositories) {
    return new GitCollectorProperties(true, cacheDir, repositories, null, null);
  }

  /**
   * One repository and branch to watch.
   *
   * @param url {@code file://}, {@code https://} (or {@code http://}) or {@code ssh://}; no
   *     password in it — use the {@code *Env} settings
   * @param branch the branch to follow (default {@code main})
   * @param pollInterval how often to fetch (default 60 s)
   * @param usernameEnv the environment variable holding the user name, if any
   * @param passwordEnv the environment variable holding the password (or the ssh key passphrase)
   * @param tokenEnv the environment variable holding an access token, sent as the password
   * @param defaultBranch whether {@code branch} is the repository's default branch; when absent it
   *     is read from the remote's {@code HEAD} on every fetch
   */
  public record RepositorySettings(
      String url,
      String branch,
      Duration pollInterval,
      String usernameEnv,
      String passwordEnv,
      String tokenEnv,
      Boolean defaultBranch) {

    private static final Set<String> SCHEMES = Set.of("file", "http", "https", "ssh");

    public RepositorySettings {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("a Git repository needs a url");
      }
      url = url.strip();
      String scheme = scheme(url);
      if (!SCHEMES.contains(scheme)) {
        throw new IllegalArgumentException(
            "unsupported Git URL "
                + UrlCredentials.strip(url)
                + ": use file://, https:// or ssh://");
      }
      branch = branch == null || branch.isBlank() ? "main" : branch.strip();
      if (branch.startsWith("refs/heads/")) {
        branch = branch.substring("refs/heads/".length());
      }
      pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException(
            "the poll interval of "
                + UrlCredentials.strip(url)
                + "#"
                + branch
                + " must be positive");
      }
    }

    /** A repository's branch with every default. */
    public static RepositorySettings of(String url, String branch) {
      return new RepositorySettings(url, branch, null, null, null, null, null);
    }

    private static String scheme(String url) {
      try {
        String scheme = URI.create(url).getScheme();
        return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        int colon = url.indexOf("://");
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
      }
    }
  }
}
