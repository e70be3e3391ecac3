package dev.opsjournal.server.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.replay.Replayer;
import dev.opsjournal.server.journal.JournalProgress;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The standalone mode's replay, when {@code opsjournal.standalone.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opsjournal.standalone.enabled", havingValue = "true")
class StandaloneConfiguration {

  @Bean
  ApplicationRunner standaloneReplay(
      StandaloneProperties properties,
      ObservationSink sink,
      ObjectMapper json,
      KafkaAdmin kafkaAdmin,
      KafkaProperties kafka,
      JournalProgress catchUp) {
    return new StandaloneReplay(
        properties,
        work -> {
          JournalSettle settle =
              new JournalSettle(
                  Admin.create(kafkaAdmin.getConfigurationProperties()),
                  kafka.getConsumer().getGroupId(),
                  catchUp);
          return new Replayer(sink, json, settle, work);
        });
  }
}
