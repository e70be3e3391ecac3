package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.UrlCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Git repositories: for each configured repository and branch, a bare clone in the cache
 * directory, fetched on every poll, and every new commit published oldest first as a {@code
 * CommitObserved}; a force push as a {@code HistoryRewriteObserved}; a fetch that fails as one
 * {@code SourceUnavailableObserved} per outage and a {@code SourceRecoveredObserved} after it. A
 * checkpoint per source, written after each acknowledged publication, lets a restart continue
 * without publishing anything twice.
 *
 * <p>In a running application a scheduler polls each repository at its interval; tests drive {@link
 * #poll()} themselves. Observations are stamped with the injected clock.
 */
public class GitCollector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GitCollector.class);

  private final Path cacheDir;
  private final List<RepositoryPoller> pollers;

  /** Without meters anyone reads (the replay, tests). */
  public GitCollector(GitCollectorProperties properties, ObservationSink sink, Clock clock) {
    this(properties, sink, clock, new SimpleMeterRegistry());
  }

  /** With the fetches' meters in {@code meters}. */
  public GitCollector(
      GitCollectorProperties properties, ObservationSink sink, Clock clock, MeterRegistry meters) {
    this(properties, sink, clock, System::getenv, meters);
  }

  /** With {@code environment} standing in for the process environment (credentials in tests). */
  GitCollector(
      GitCollectorProperties properties,
      ObservationSink sink,
      Clock clock,
      UnaryOperator<String> environment) {
    this(properties, sink, clock, environment, new SimpleMeterRegistry());
  }

  private GitCollector(
      GitCollectorProperties properties,
      ObservationSink sink,
      Clock clock,
      UnaryOperator<String> environment,
      MeterRegistry meters) {
    this.cacheDir = properties.cacheDir();
    Checkpoints checkpoints = new Checkpoints(cacheDir);
    KustomizationResolver kustomizations = new KustomizationResolver();
    properties.repositories().stream()
        .filter(settings -> UrlCredentials.hasHttpUserInfo(settings.url()))
        .forEach(
            settings ->
                log.warn(
                    "The URL of {} carries credentials: they are never shown, but belong in"
                        + " environment variables named by username-env, password-env or token-env",
                    UrlCredentials.strip(settings.url())));
    List<RepositoryPoller> watched = new ArrayList<>();
    Set<String> sources = new HashSet<>();
    for (GitCollectorProperties.RepositorySettings settings : properties.repositories()) {
      RepositoryPoller poller =
          new RepositoryPoller(
              settings,
              properties,
              Credentials.from(settings, environment),
              sink,
              clock,
              checkpoints,
              kustomizations,
              meters);
      if (!sources.add(poller.source())) {
        // two pollers would race on one clone and one checkpoint
        throw new IllegalArgumentException(
            "Git source " + poller.source() + " is configured twice");
      }
      watched.add(poller);
    }
    this.pollers = List.copyOf(watched);
  }

  /**
   * Fetches every repository once and publishes what is new, in the calling thread. A repository
   * that cannot be fetched or published is reported or retried, never thrown.
   */
  public void poll() {
    pollers.forEach(RepositoryPoller::poll);
  }

  /** The sources watched, {@code <repoUrl>#<branch>} without credentials, as keyed on Kafka. */
  public List<String> sources() {
    return pollers.stream().map(RepositoryPoller::source).toList();
  }

  public Path cacheDir() {
    return cacheDir;
  }

  List<RepositoryPoller> pollers() {
    return pollers;
  }

  @Override
  public void close() {
    pollers.forEach(RepositoryPoller::close);
  }
}
