package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands for leadership of the collectors' Lease, and stands again after losing it: only the holder
 * watches. Guarded by the collector's lifecycle monitor, so that standing, resigning and a term's
 * start or end never interleave.
 */
final class Leadership {

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final LeaderElection config;
  private final String candidate;
  private final ScheduledExecutorService executor;
  private final Object lifecycle;
  private final Runnable lead;
  private final Runnable lose;

  private boolean standing;
  private CompletableFuture<?> election;

  /**
   * @param candidate names this replica in logs
   * @param executor where a lost election is followed by the next one
   * @param lifecycle the collector's lifecycle monitor
   * @param lead what the leader does (start watching)
   * @param lose what a replica that lost the Lease does (stop watching); also run when resigning
   */
  Leadership(
      KubernetesClient client,
      LeaderElection config,
      String candidate,
      ScheduledExecutorService executor,
      Object lifecycle,
      Runnable lead,
      Runnable lose) {
    this.client = client;
    this.config = config;
    this.candidate = candidate;
    this.executor = executor;
    this.lifecycle = lifecycle;
    this.lead = lead;
    this.lose = lose;
  }

  void stand() {
    synchronized (lifecycle) {
      standing = true;
      elect();
    }
  }

  /** Releases the Lease (when held) and stands no more. */
  void resign() {
    synchronized (lifecycle) {
      standing = false;
      if (election != null) {
        election.cancel(true);
        election = null;
      }
    }
  }

  private void elect() {
    String namespace =
        !config.leaseNamespace().isEmpty()
            ? config.leaseNamespace()
            : Objects.requireNonNullElse(client.getNamespace(), "default");
    log.info("{} standing for leadership of Lease {}/{}", candidate, namespace, config.leaseName());
    CompletableFuture<?> term =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(config.leaseName())
                    .withLock(new LeaseLock(namespace, config.leaseName(), config.identity()))
                    .withLeaseDuration(config.leaseDuration())
                    .withRenewDeadline(config.renewDeadline())
                    .withRetryPeriod(config.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            this::onStartLeading,
                            lose::run,
                            leader -> log.info("the collectors' leader is now {}", leader)))
                    .build())
            .build()
            .start();
    election = term;
    term.whenComplete(
        (ignored, error) -> {
          // a lost Lease ends the elector: stop watching, then stand again as a standby
          lose.run();
          synchronized (lifecycle) {
            if (standing && election == term) {
              log.info("{} lost leadership; standing by", candidate);
              executor.schedule(
                  this::reelect, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
          }
        });
  }

  private void onStartLeading() {
    log.info("{} is the leader", candidate);
    lead.run();
  }

  private void reelect() {
    synchronized (lifecycle) {
      if (standing) {
        elect();
      }
    }
  }
}
