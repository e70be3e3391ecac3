package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Git collector, on when {@code opsjournal.collectors.git.enabled=true}: the collector over the
 * configured repositories and the scheduler that polls them, started and stopped with the
 * application.
 */
@AutoConfiguration(after = PublishConfiguration.class)
@ConditionalOnProperty(prefix = "opsjournal.collectors.git", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(GitCollectorProperties.class)
public class GitCollectorConfiguration {

  @Bean
  @ConditionalOnMissingBean
  GitCollector gitCollector(
      GitCollectorProperties properties,
      ObservationSink sink,
      Clock observationClock,
      ObjectProvider<MeterRegistry> meters) {
    return new GitCollector(
        properties, sink, observationClock, meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  GitPollScheduler gitPollScheduler(GitCollector collector) {
    return new GitPollScheduler(collector);
  }
}
