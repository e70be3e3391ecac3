package dev.opsjournal.collectors.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * The collectors' producer: idempotent, acks from all in-sync replicas, string keys and JSON
 * values, from the usual {@code spring.kafka.*} settings. And the clock collectors stamp
 * observations with.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
public class PublishConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock observationClock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  ObservationSink observationSink(
      KafkaProperties kafka,
      ObjectMapper json,
      @Value("${opsjournal.collectors.publish-timeout:30s}") Duration timeout) {
    Map<String, Object> producer = kafka.buildProducerProperties(null);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // closed with the context: no producer outlives it (nor reconnects to a stopped broker)
    return KafkaObservationSink.withOwnProducer(producer, json, timeout);
  }
}
