package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishConfiguration;
import dev.opsjournal.core.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Kubernetes collector, when {@code opsjournal.collectors.kubernetes.enabled=true}: a client
 * resolved the usual fabric8 way (kubeconfig, {@code KUBECONFIG}, or the in-cluster service
 * account) unless one is provided, the Kafka inventory, and the collector itself, started and
 * stopped with the application.
 */
@AutoConfiguration(after = PublishConfiguration.class)
@ConditionalOnProperty(
    prefix = "opsjournal.collectors.kubernetes",
    name = "enabled",
    havingValue = "true")
@EnableConfigurationProperties(KubernetesCollectorProperties.class)
public class KubernetesCollectorConfiguration {

  /** Counts the informers' lists (relists included) of the client built here. */
  @Bean
  @ConditionalOnMissingBean
  ListRequests kubernetesListRequests() {
    return new ListRequests();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  KubernetesClient kubernetesClient(ListRequests lists) {
    return lists.countingLists(new KubernetesClientBuilder()).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(Inventory.class)
  KafkaInventory collectorInventory(KafkaProperties kafka, ObjectMapper json) {
    return new KafkaInventory(kafka.buildAdminProperties(null), json, Topics.COLLECTOR_INVENTORY);
  }

  @Bean
  @ConditionalOnMissingBean
  KubernetesCollector kubernetesCollector(
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObservationSink sink,
      Inventory inventory,
      Clock clock,
      ObjectProvider<MeterRegistry> meters,
      ListRequests lists) {
    return new KubernetesCollector(
        client,
        properties,
        sink,
        inventory,
        clock,
        meters.getIfAvailable(SimpleMeterRegistry::new),
        lists);
  }
}
