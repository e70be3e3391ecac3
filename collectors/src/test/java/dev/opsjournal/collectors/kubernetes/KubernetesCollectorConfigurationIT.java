package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.publish.PublishConfiguration;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.HeartbeatObserved;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration as an application gets it: off by default, on with a cluster name. */
@Tag("integration")
@EnableKubernetesMockClient(crud = true)
class KubernetesCollectorConfigurationIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  KubernetesMockServer server;
  KubernetesClient client;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        // as SpringApplication does: @Value("...:30s") Durations need Boot's conversions
        .withInitializer(
            context ->
                context
                    .getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
        .withConfiguration(
            AutoConfigurations.of(
                JacksonAutoConfiguration.class,
                KafkaAutoConfiguration.class,
                PublishConfiguration.class,
                KubernetesCollectorConfiguration.class))
        .withBean(KubernetesClient.class, () -> client, bean -> bean.setDestroyMethodName(""))
        .withPropertyValues("spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
  }

  @Test
  void isOffUnlessEnabled() {
    runner().run(context -> assertThat(context).doesNotHaveBean(KubernetesCollector.class));
  }

  @Test
  void needsAClusterName() {
    runner()
        .withPropertyValues("opsjournal.collectors.kubernetes.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("opsjournal.collectors.kubernetes.cluster is required"));
  }

  @Test
  void watchesAndHeartbeatsWhenEnabled() {
    runner()
        .withPropertyValues(
            "opsjournal.collectors.kubernetes.enabled=true",
            "opsjournal.collectors.kubernetes.cluster=boot",
            "opsjournal.collectors.kubernetes.tracked-kinds[0].version=v1",
            "opsjournal.collectors.kubernetes.tracked-kinds[0].kind=ConfigMap",
            "opsjournal.collectors.kubernetes.tracked-kinds[0].plural=configmaps",
            "opsjournal.collectors.kubernetes.tracked-kinds[0].namespaced=true",
            "opsjournal.collectors.kubernetes.heartbeat-interval=1s",
            "opsjournal.collectors.kubernetes.leader-election.identity=boot-0")
        .run(
            context -> {
              KubernetesCollector collector = context.getBean(KubernetesCollector.class);
              assertThat(context.getBean(KubernetesCollectorProperties.class).trackedKinds())
                  .extracting(k -> k.kind())
                  .containsExactly("ConfigMap");
              assertThat(collector.isRunning()).isTrue();
              await().until(collector::isSynced);
              try (ObservationTopic topic =
                  new ObservationTopic(kafka.bootstrapServers(), Topics.OBSERVATIONS)) {
                await()
                    .until(
                        () ->
                            topic.of("boot", HeartbeatObserved.class).stream()
                                .anyMatch(
                                    h -> h.collector().equals("kubernetes-collector@boot-0")));
              }
            });
  }
}
