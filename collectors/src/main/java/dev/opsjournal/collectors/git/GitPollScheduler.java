package dev.opsjournal.collectors.git;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls each repository of the {@link GitCollector} at its interval, on one thread: polls never
 * overlap, and a slow fetch delays the next poll instead of piling up behind it.
 */
final class GitPollScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GitPollScheduler.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final GitCollector collector;
  private ScheduledExecutorService executor;

  GitPollScheduler(GitCollector collector) {
    this.collector = collector;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "git-collector");
              thread.setDaemon(true);
              return thread;
            });
    log.info("Git collector: cache in {}", collector.cacheDir().toAbsolutePath().normalize());
    if (collector.pollers().isEmpty()) {
      log.warn(
          "Git collector enabled without repositories: set"
              + " opsjournal.collectors.git.repositories[0].url (and branch)");
    }
    for (RepositoryPoller poller : collector.pollers()) {
      log.info(
          "Git collector: watching {} every {} (clone {})",
          poller.source(),
          poller.pollInterval(),
          poller.directory().getFileName());
      executor.scheduleWithFixedDelay(
          () -> pollSafely(poller), 0, poller.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A task that throws is never run again by a scheduled executor: whatever escapes a poll is
   * logged here so the repository keeps being watched.
   */
  private static void pollSafely(RepositoryPoller poller) {
    try {
      poller.poll();
    } catch (Throwable t) {
      log.error("Polling {} failed", poller.source(), t);
      if (t instanceof VirtualMachineError error) {
        throw error;
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    // a poll in progress may finish within the grace; after it, interrupted, it stops between two
    // commits with an exact checkpoint
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
    log.info("Git collector stopped");
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
