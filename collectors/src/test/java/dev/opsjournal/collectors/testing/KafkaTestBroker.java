package dev.opsjournal.collectors.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for one test class: a Testcontainers {@code KafkaContainer} where a Docker
 * engine is available, the in-process KRaft broker of spring-kafka-test otherwise. One broker per
 * class keeps the classes' topics apart; brokers stop with the JVM, after the Spring contexts that
 * use them have closed.
 *
 * <pre>
 * &#64;RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();
 * &#64;DynamicPropertySource static void kafka(DynamicPropertyRegistry r) {
 *   r.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
 * }
 * </pre>
 */
public final class KafkaTestBroker implements BeforeAllCallback {

  private static final Logger log = LoggerFactory.getLogger(KafkaTestBroker.class);
  private static final String IMAGE = "apache/kafka-native:3.9.1";

  private String bootstrapServers;

  @Override
  public void beforeAll(ExtensionContext context) {
    bootstrapServers();
  }

  public synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = dockerAvailable() ? startContainer() : startInProcess();
    }
    return bootstrapServers;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
  private static String startContainer() {
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    log.info("Kafka for tests: container {} at {}", IMAGE, container.getBootstrapServers());
    return container.getBootstrapServers();
  }

  private static String startInProcess() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
    log.info(
        "Kafka for tests: no Docker engine, in-process KRaft broker at {}",
        broker.getBrokersAsString());
    return broker.getBrokersAsString();
  }
}
