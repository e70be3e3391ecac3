package dev.opsjournal.server.journal;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.application.Application;
import dev.opsjournal.core.cluster.ControlPlane;
import dev.opsjournal.core.resource.TrackedResource;
import dev.opsjournal.core.source.GitSource;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the journal-core aggregates, event-sourced from the JDBC event store and cached. */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

  @Bean
  JournalPolicy journalPolicy(JournalProperties properties) {
    return properties.toPolicy();
  }

  /**
   * A projection or the policy that fails on an event stops and retries it (with backoff) rather
   * than skipping it: a read model with a hole, or a verdict never handed over, would be a lie.
   */
  @Bean
  ConfigurerModule failingHandlersRetry() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerDefaultListenerInvocationErrorHandler(
                configuration -> PropagatingErrorHandler.instance());
  }

  /**
   * Every processor handles up to {@code processor-batch-size} events in one transaction: at the
   * head of the stream batches stay small (freshness is unchanged), while catching up or replaying
   * they fill, and a transaction per event would be the cost.
   */
  @Bean
  ConfigurerModule processorBatches(JournalProperties properties) {
    return configurer ->
        configurer
            .eventProcessing()
            .registerTrackingEventProcessorConfiguration(
                configuration ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(properties.processorBatchSize()));
  }

  @Bean
  ConfigurerModule journalAggregates(JournalProperties properties) {
    long entries = properties.cachedAggregates();
    return configurer ->
        configurer
            .configureAggregate(cached(TrackedResource.class, entries))
            .configureAggregate(cached(Application.class, entries))
            .configureAggregate(cached(GitSource.class, entries))
            .configureAggregate(cached(ControlPlane.class, entries));
  }

  /**
   * Two servers may race on one aggregate during a partition rebalance; the loser's append fails on
   * the (aggregateIdentifier, sequenceNumber) key and the command is retried.
   */
  @Bean
  RetryScheduler commandRetryScheduler() {
    return IntervalRetryScheduler.builder()
        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
        .maxRetryCount(3)
        .retryInterval(200)
        .build();
  }

  private static <A> AggregateConfigurer<A> cached(Class<A> type, long entries) {
    BoundedCache cache = new BoundedCache(entries);
    return AggregateConfigurer.defaultConfiguration(type).configureCache(configuration -> cache);
  }
}
